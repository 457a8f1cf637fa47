"""article-toolkit: read news articles the way a media researcher does.

Example:
    >>> import toolkit
    >>> result = toolkit.analyze(ARTICLE)  # the path of an article, e.g. "story.txt"
    >>> list(result.actors.columns)[:3]
    ['article_id', 'actor', 'type']
"""

import gc as _gc

# Importing the package (spaCy, pandas, the compiled rules) makes many objects
# that live as long as the process and no garbage; the cyclic collector would
# walk them again and again meanwhile (about 15% of the import's time) and on
# every full pass after. So it is paused while the modules load, and what is
# alive then is left out of its later passes (``gc.freeze``).
_collecting = _gc.isenabled()
_gc.disable()
try:
    from .actors import show_actors
    from .analysis import Analysis, analyze, analyze_doc
    from .archives import iter_archive
    from .article import Article, Paragraph, RemovedLine
    from .corpus import analyze_corpus
    from .dates import timeline
    from .nlp import load_model
    from .read import article_from_text, read_article, read_text
finally:
    _gc.freeze()
    if _collecting:
        _gc.enable()

__version__ = "0.1.0"

__all__ = ["Analysis", "Article", "Paragraph", "RemovedLine", "analyze", "analyze_corpus",
           "analyze_doc",
           "article_from_text", "iter_archive", "load_model", "read_article", "read_text",
           "show_actors", "timeline",
           "__version__"]
