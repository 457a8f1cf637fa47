"""Bad input gets one clear line (or a documented warning), never a traceback or partial output."""

from __future__ import annotations

import subprocess
import sys

import pytest

from toolkit.cli import main
from toolkit.read import InputError, decode, read_article

STORY = ("The harbour authority said on Monday that the new pier would open in spring, "
         "after two years of delays and a long dispute over costs.\n\n"
         "Fishermen welcomed the news but said the fees were still too high.\n")


STORY_HTML = "".join(f"<p>{p}</p>" for p in STORY.split("\n\n") if p.strip())


def run_cli(capsys, *args):
    code = main(["analyze", *map(str, args), "--quiet", "--no-report"])
    err = capsys.readouterr().err
    return code, err


def assert_one_line_error(code, err, *needles):
    assert code == 2
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == 1, err
    assert lines[0].startswith("article-toolkit: error: ")
    assert "Traceback" not in err
    for needle in needles:
        assert needle in lines[0]


# ------------------------------------------------------------------ refused inputs


def test_missing_path(tmp_path, capsys):
    out = tmp_path / "out"
    code, err = run_cli(capsys, tmp_path / "nope.txt", "--out", out)
    assert_one_line_error(code, err, "nope.txt", "no such file")
    assert not out.exists()


def test_directory_without_articles(tmp_path, capsys):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "notes.md").write_text("# not an article")
    code, err = run_cli(capsys, tmp_path / "in", "--out", tmp_path / "out")
    assert_one_line_error(code, err, "contains no article files")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("content,problem", [
    (b"", "file is empty"),
    (b"   \n\t\n  \r\n", "only whitespace"),
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG image"),
    (bytes(range(256)) * 8, "binary content"),
    (b"%PDF-1.7\n...", "PDF document"),
])
def test_refused_files(tmp_path, capsys, content, problem):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    code, err = run_cli(capsys, bad, "--out", tmp_path / "out")
    assert_one_line_error(code, err, "bad.txt", problem)
    assert not (tmp_path / "out").exists()
    with pytest.raises(InputError, match=problem):
        read_article(bad)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_unreadable_file(tmp_path, capsys):
    import os

    if os.geteuid() == 0:
        # root reads anything: emulate the OS refusal at the boundary we handle
        from unittest import mock

        (tmp_path / "x.txt").write_text(STORY)
        with mock.patch("toolkit.read.open", create=True,
                        side_effect=PermissionError(13, "denied")):
            with pytest.raises(InputError, match="permission denied"):
                read_article(tmp_path / "x.txt")
        return
    f = tmp_path / "x.txt"
    f.write_text(STORY)
    f.chmod(0)
    code, err = run_cli(capsys, f, "--out", tmp_path / "out")
    assert_one_line_error(code, err, "permission denied")


def test_output_dir_not_empty_is_refused(tmp_path, capsys):
    f = tmp_path / "a.txt"
    f.write_text(STORY)
    out = tmp_path / "out"
    out.mkdir()
    (out / "mine.txt").write_text("precious")
    code, err = run_cli(capsys, f, "--out", out)
    assert_one_line_error(code, err, "not empty", "--overwrite")
    # even with --overwrite, files the toolkit did not write are never touched
    code = main(["analyze", str(f), "--out", str(out), "--overwrite", "--quiet", "--no-report"])
    assert code == 2
    assert "did not write" in capsys.readouterr().err
    assert (out / "mine.txt").read_text() == "precious"
    assert sorted(p.name for p in out.iterdir()) == ["mine.txt"]


def test_output_path_is_a_file(tmp_path, capsys):
    f = tmp_path / "a.txt"
    f.write_text(STORY)
    code, err = run_cli(capsys, f, "--out", f)
    assert_one_line_error(code, err, "not a directory")
    assert f.read_text() == STORY  # the input is never modified


def test_console_script_prints_no_traceback(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "toolkit", "analyze", str(tmp_path / "none.txt"),
                           "--out", str(tmp_path / "o")], capture_output=True, text=True)
    assert proc.returncode == 2
    assert proc.stderr.strip() == f"article-toolkit: error: {tmp_path / 'none.txt'}: no such file or directory"
    assert proc.stdout == ""


# ------------------------------------------------------------------ encodings


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig", "cp1252", "latin-1"])
def test_encodings_decoded(encoding):
    text = "Café owners in Zürich said “prices” rose 5% – a record.\n"
    if encoding == "latin-1":
        text = "Café owners in Zürich said prices rose 5% in the year.\n"
    decoded, used = decode(text.encode(encoding))
    assert decoded == text
    assert used in (encoding, "cp1252", "utf-16", "utf-8-sig")


def test_latin1_bytes_outside_cp1252():
    # 0x81 is undefined in cp1252: such a file can only be Latin-1.
    decoded, used = decode(b"abc \x81 caf\xe9\n")
    assert used == "latin-1" and decoded.endswith("caf\xe9\n")


def test_mojibake_repaired():
    decoded, _ = decode("The cafÃ© reopened on Monday.".encode())
    assert decoded == "The café reopened on Monday."


def test_ascii_text_is_fixed_as_ftfy_fixes_it():
    import ftfy

    from toolkit.read import _FTFY, fix_text

    samples = ["Plain words.\n", "Fish &amp; chips", "a\r\nb\rc", "\x1b[31mred\x1b[0m", "<b>&amp;</b>"]
    samples += [f"a{chr(c)}b &lt; c" for c in range(128)] + [f"x{chr(c)}" for c in range(128)]
    for text in samples:
        assert fix_text(text) == ftfy.fix_text(text, config=_FTFY), repr(text)


def test_nul_bytes_and_control_characters_removed():
    decoded, _ = decode(b"The pier\x00 opened\x07 today.\x1b[31m\n")
    assert decoded == "The pier opened today.\n"


def test_crlf_and_lone_cr_line_ends(tmp_path):
    crlf = STORY.replace("\n", "\r\n").encode()
    cr = STORY.replace("\n", "\r").encode()
    for data in (crlf, cr):
        f = tmp_path / "a.txt"
        f.write_bytes(data)
        art = read_article(f)
        assert [p.text for p in art.paragraphs] == [
            p for p in STORY.split("\n\n") if p.strip()] or len(art.paragraphs) == 2
        assert "\r" not in art.text


def test_very_long_line(tmp_path):
    f = tmp_path / "long.txt"
    sentence = "The council said the harbour would reopen soon after repairs. "
    f.write_text(sentence * 20000)  # one 1.2 MB line
    art = read_article(f)
    assert len(art.paragraphs) == 1
    assert len(art.text) == len((sentence * 20000).strip())


def test_html_saved_as_txt_is_read_as_html(tmp_path):
    page = ("<!DOCTYPE html><html><head><title>Pier opens</title></head><body>"
            "<nav><a href='/'>Home</a></nav><article><h1>Pier opens after delays</h1>"
            + STORY_HTML
            + "</article><footer>Subscribe to our newsletter</footer></body></html>")
    f = tmp_path / "page.txt"
    f.write_text(page)
    art = read_article(f)
    assert "<p>" not in art.text and "Home" not in art.text
    assert art.paragraphs[0].text.startswith("The harbour authority said")


def test_non_english_is_analysed_with_a_warning(tmp_path, capsys):
    f = tmp_path / "fr.txt"
    f.write_text("Le conseil municipal a annoncé lundi que le nouveau port ouvrirait au "
                 "printemps, après deux ans de retard et un long conflit sur les coûts.\n")
    art = read_article(f)
    assert art.language == "fr"
    assert any("'fr'" in w and "not English" in w for w in art.warnings)


# ------------------------------------------------------------------ long texts


def test_text_over_max_length_is_parsed_in_pieces(monkeypatch):
    # The piecewise path is the same for 3 MB as for 3 kB over a lowered limit.
    import toolkit
    from toolkit import nlp
    from toolkit.nlp import chunk_text
    from toolkit.read import article_from_text

    monkeypatch.setattr(nlp, "MAX_CHUNK_CHARS", 2_000)
    para = "Maria Lopez said on Monday that the council in Springfield would vote again."
    art = article_from_text("\n\n".join([para] * 80))
    assert len(art.text) > 2_000
    pieces = chunk_text(art.text, limit=2_000)
    assert len(pieces) >= 2 and "".join(pieces) == art.text
    result = toolkit.analyze(art)
    assert result.doc.text == art.text
    last = result.sentences.iloc[-1]
    assert art.text[last.start_char:last.end_char] == para


def test_chunk_text_without_paragraph_breaks():
    from toolkit.nlp import chunk_text

    text = "word " * 1000
    pieces = chunk_text(text, limit=333)
    assert "".join(pieces) == text
    assert all(len(p) <= 333 for p in pieces)
    assert all(p.endswith(" ") for p in pieces[:-1])


def test_html_is_parsed_without_network_or_external_entities(tmp_path, monkeypatch):
    import socket

    def no_network(*args, **kwargs):
        raise AssertionError("the reader tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    page = (f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">'
            '<!ENTITY remote SYSTEM "http://198.51.100.7/x">]>'
            '<html><head><link rel="stylesheet" href="http://198.51.100.7/s.css">'
            '<script src="http://198.51.100.7/a.js"></script></head><body><article>'
            '<h1>Pier opens after delays</h1><p>&xxe; &remote;</p>'
            + STORY_HTML
            + '<img src="http://198.51.100.7/pixel.gif"></article></body></html>')
    f = tmp_path / "page.html"
    f.write_text(page)
    art = read_article(f)
    assert "TOP-SECRET" not in art.text
    assert any(p.text.startswith("The harbour authority said") for p in art.paragraphs)


def test_scrub_leaves_text_without_what_it_removes_as_it_is():
    from toolkit.read import _NOT_XML, _ODD_BREAKS, scrub

    for text in ("Plain text.\n", "Tab\tand\r\nbreaks", "Odd\x0bbreak\x85here", "Bad\x00\ufffe\ud800x",
                 "Astral \U0001fffe end"):
        assert scrub(text) == _NOT_XML.sub("", _ODD_BREAKS.sub(" ", text))
