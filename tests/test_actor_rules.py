"""Actor rules as data: every rule is listed, documented, and switched off alone.

Each case is a sentence written for the test, with the model's entities set by
hand where the rule must be reached reliably. Switching a rule off changes only
the rows that rule decided: the other actor of each sentence (the bystander)
stays exactly as it was.
"""

from __future__ import annotations

import pytest

from conftest import counted_actor_rows, with_ents
from toolkit import actors as act
from toolkit import rules

rows = counted_actor_rows


def test_every_actor_rule_is_registered_with_a_description():
    table = rules.list_rules()
    mine = table[table.stage == "actors"]
    names = [f.rule_name for group in act.RULE_GROUPS.values() for f in group]
    assert list(mine.rule) == names
    assert list(dict.fromkeys(mine.group)) == list(act.RULE_GROUPS)
    assert (mine.description.str.len() > 10).all()


# (rule, text, entities, rows with the rule, rows without it). "Oslo" or "Accra"
# is the bystander every case keeps.
CASES = [
    ("drop-lowercase", "They marched in solidarity with Nova Union in Oslo.",
     [("solidarity", 1, "ORG"), ("Nova", 2, "ORG"), ("Oslo", 1, "GPE")],
     {("Nova Union", "ORG", 1), ("Oslo", "GPE", 1)},
     {("Nova Union", "ORG", 1), ("Oslo", "GPE", 1), ("solidarity", "ORG", 1)}),
    ("drop-title-words", "Minister of Finance Paul Osei resigned in Accra.",
     [("Finance", 1, "ORG"), ("Paul", 2, "PERSON"), ("Accra", 1, "GPE")],
     {("Paul Osei", "PERSON", 1), ("Accra", "GPE", 1)},
     {("Paul Osei", "PERSON", 1), ("Accra", "GPE", 1), ("Finance", "ORG", 1)}),
    ("drop-common-word", "Meanwhile, talks failed in Oslo.",
     [("Meanwhile", 1, "ORG"), ("Oslo", 1, "GPE")],
     {("Oslo", "GPE", 1)}, {("Oslo", "GPE", 1), ("Meanwhile", "ORG", 1)}),
    ("drop-nationality-adjective", "Aid reached French forces and the Kurds in Oslo.",
     [("French", 1, "NORP"), ("Kurds", 1, "NORP"), ("Oslo", 1, "GPE")],
     {("Kurds", "NORP", 1), ("Oslo", "GPE", 1)},
     {("Kurds", "NORP", 1), ("Oslo", "GPE", 1), ("French", "NORP", 1)}),
    ("merge-acronym-initials", "The Nordic Grain Board met in Oslo. The NGB said prices fell.",
     [("Nordic", 3, "ORG"), ("Oslo", 1, "GPE"), ("NGB", 1, "ORG")],
     {("Nordic Grain Board", "ORG", 2), ("Oslo", "GPE", 1)},
     {("Nordic Grain Board", "ORG", 1), ("NGB", "ORG", 1), ("Oslo", "GPE", 1)}),
    ("merge-acronym-defined", "The Bureau of Tallies (ABT) met in Oslo. ABT said prices fell.",
     [("Bureau", 3, "ORG"), ("ABT", 1, "ORG"), ("Oslo", 1, "GPE"), ("ABT", 1, "ORG")],
     {("Bureau of Tallies", "ORG", 3), ("Oslo", "GPE", 1)},
     {("Bureau of Tallies", "ORG", 1), ("ABT", "ORG", 2), ("Oslo", "GPE", 1)}),
    ("merge-surname", "Maria Lopez spoke in Oslo. Lopez left early.",
     [("Maria", 2, "PERSON"), ("Oslo", 1, "GPE"), ("Lopez", 1, "PERSON")],
     {("Maria Lopez", "PERSON", 2), ("Oslo", "GPE", 1)},
     {("Maria Lopez", "PERSON", 1), ("Lopez", "PERSON", 1), ("Oslo", "GPE", 1)}),
    ("vote-plural-group", "Aid reached the Ovimbas in Oslo.",
     [("Ovimbas", 1, "PERSON"), ("Oslo", 1, "GPE")],
     {("Ovimbas", "NORP", 1), ("Oslo", "GPE", 1)},
     {("Ovimbas", "PERSON", 1), ("Oslo", "GPE", 1)}),
    ("vote-called-it", "Harmattan said it would keep fighting near Oslo.",
     [("Harmattan", 1, "PERSON"), ("Oslo", 1, "GPE")],
     {("Harmattan", "ORG", 1), ("Oslo", "GPE", 1)},
     {("Harmattan", "PERSON", 1), ("Oslo", "GPE", 1)}),
    ("type-country", "Troops left Chad for Oslo.",
     [("Chad", 1, "PERSON"), ("Oslo", 1, "GPE")],
     {("Chad", "GPE", 1), ("Oslo", "GPE", 1)},
     {("Chad", "PERSON", 1), ("Oslo", "GPE", 1)}),
    ("type-joined-person", "Maria Lopez spoke in Oslo. Lopez left. Lopez returned.",
     [("Maria", 2, "PERSON"), ("Oslo", 1, "GPE"), ("Lopez", 1, "GPE"), ("Lopez", 1, "GPE")],
     {("Maria Lopez", "PERSON", 3), ("Oslo", "GPE", 1)},
     {("Maria Lopez", "GPE", 3), ("Oslo", "GPE", 1)}),
    ("type-acting-place", "Zintul fired rockets at Oslo. Fighters from Zintul crossed the river.",
     [("Zintul", 1, "ORG"), ("Oslo", 1, "GPE"), ("Zintul", 1, "GPE")],
     {("Zintul", "ORG", 2), ("Oslo", "GPE", 1)},
     {("Zintul", "GPE", 2), ("Oslo", "GPE", 1)}),
    ("join-compound-names", "Lake Vale Corp bought land near Oslo.",
     [("Lake", 1, "GPE"), ("Vale", 1, "GPE"), ("Oslo", 1, "GPE")],
     {("Lake Vale Corp", "ORG", 1), ("Oslo", "GPE", 1)},
     {("Lake", "GPE", 1), ("Vale Corp", "ORG", 1), ("Oslo", "GPE", 1)}),
    ("extend-company-suffix", "Shares in Brindle Corp fell in Oslo.",
     [("Brindle", 1, "PERSON"), ("Oslo", 1, "GPE")],
     {("Brindle Corp", "ORG", 1), ("Oslo", "GPE", 1)},
     {("Brindle", "PERSON", 1), ("Oslo", "GPE", 1)}),
    ("split-coordinated-names",
     "The Film Board gave money. The Film Board and Channel 9 met in Oslo.",
     [("Film", 2, "ORG"), ("Film", 5, "ORG"), ("Oslo", 1, "GPE")],
     {("Film Board", "ORG", 2), ("Channel 9", "ORG", 1), ("Oslo", "GPE", 1)},
     {("Film Board", "ORG", 1), ("Film Board and Channel 9", "ORG", 1), ("Oslo", "GPE", 1)}),
    ("strip-affiliation", "Crowds in Oslo cheered as Democrat Ruth Wanjiru won.",
     [("Oslo", 1, "GPE"), ("Democrat", 3, "PERSON")],
     {("Democrat", "ORG", 1), ("Ruth Wanjiru", "PERSON", 1), ("Oslo", "GPE", 1)},
     {("Democrat Ruth Wanjiru", "PERSON", 1), ("Oslo", "GPE", 1)}),
    ("drop-title-fragment", "The Regional Planning Adviser met Tom Ide in Oslo.",
     [("Regional", 2, "ORG"), ("Tom", 2, "PERSON"), ("Oslo", 1, "GPE")],
     {("Tom Ide", "PERSON", 1), ("Oslo", "GPE", 1)},
     {("Regional Planning", "ORG", 1), ("Tom Ide", "PERSON", 1), ("Oslo", "GPE", 1)}),
    ("vote-relative-which", "Orbix, which makes games, opened an office in Oslo.",
     [("Orbix", 1, "PERSON"), ("Oslo", 1, "GPE")],
     {("Orbix", "ORG", 1), ("Oslo", "GPE", 1)},
     {("Orbix", "PERSON", 1), ("Oslo", "GPE", 1)}),
    ("vote-conjunct", "Brindle, Caxton and Hollis showed their new radios in Oslo.",
     [("Caxton", 1, "ORG"), ("Hollis", 1, "PERSON"), ("Oslo", 1, "GPE")],
     {("Caxton", "ORG", 1), ("Hollis", "ORG", 1), ("Oslo", "GPE", 1)},
     {("Caxton", "ORG", 1), ("Hollis", "PERSON", 1), ("Oslo", "GPE", 1)}),
    ("type-work-title", "Her new film Winter Harbour opens in Oslo.",
     [("Winter", 2, "ORG"), ("Oslo", 1, "GPE")],
     {("Oslo", "GPE", 1)}, {("Winter Harbour", "ORG", 1), ("Oslo", "GPE", 1)}),
    ("type-honorific", "Mr Jordan arrived in Oslo.",
     [("Mr", 2, "GPE"), ("Oslo", 1, "GPE")],
     {("Jordan", "PERSON", 1), ("Oslo", "GPE", 1)},
     {("Jordan", "GPE", 1), ("Oslo", "GPE", 1)}),
    ("type-org-word", "The Harbour Trust sold the pier in Oslo.",
     [("Harbour", 2, "GPE"), ("Oslo", 1, "GPE")],
     {("Harbour Trust", "ORG", 1), ("Oslo", "GPE", 1)},
     {("Harbour Trust", "GPE", 1), ("Oslo", "GPE", 1)}),
    ("type-party", "The Republicans lost seats in Oslo.",
     [("Republicans", 1, "NORP"), ("Oslo", 1, "GPE")],
     {("Republicans", "ORG", 1), ("Oslo", "GPE", 1)},
     {("Republicans", "NORP", 1), ("Oslo", "GPE", 1)}),
    ("type-person-cue", "The show in Oslo was hosted by presenter Tilly Brogan.",
     [("Oslo", 1, "GPE"), ("Tilly", 2, "FAC")],
     {("Tilly Brogan", "PERSON", 1), ("Oslo", "GPE", 1)},
     {("Tilly Brogan", "FAC", 1), ("Oslo", "GPE", 1)}),
    ("merge-party-forms", "A Democrat won in Oslo. The Democrats were pleased.",
     [("Democrat", 1, "NORP"), ("Oslo", 1, "GPE"), ("Democrats", 1, "NORP")],
     {("Democrat", "ORG", 2), ("Oslo", "GPE", 1)},
     {("Democrat", "ORG", 1), ("Democrats", "ORG", 1), ("Oslo", "GPE", 1)}),
    ("merge-name-head", "The Bank of Norland raised rates in Oslo. The Bank said prices rose.",
     [("Bank", 3, "ORG"), ("Oslo", 1, "GPE"), ("Bank", 1, "ORG")],
     {("Bank of Norland", "ORG", 2), ("Oslo", "GPE", 1)},
     {("Bank of Norland", "ORG", 1), ("Bank", "ORG", 1), ("Oslo", "GPE", 1)}),
    ("merge-org-short-form", "The Executive Board met in Oslo. The Board said costs rose.",
     [("Executive", 2, "ORG"), ("Oslo", 1, "GPE"), ("Board", 1, "ORG")],
     {("Executive Board", "ORG", 2), ("Oslo", "GPE", 1)},
     {("Executive Board", "ORG", 1), ("Board", "ORG", 1), ("Oslo", "GPE", 1)}),
    ("recall-speaker", "Prices rose in Oslo. Brindlewood said it would cut jobs.",
     [("Oslo", 1, "GPE")],
     {("Brindlewood", "ORG", 1), ("Oslo", "GPE", 1)}, {("Oslo", "GPE", 1)}),
    ("recall-age", "Kwabena Benali, 27, scored twice in Oslo.",
     [("Oslo", 1, "GPE")],
     {("Kwabena Benali", "PERSON", 1), ("Oslo", "GPE", 1)}, {("Oslo", "GPE", 1)}),
    ("recall-titled-name", "Fans in Oslo cheered when Coach Brannock arrived.",
     [("Oslo", 1, "GPE")],
     {("Brannock", "PERSON", 1), ("Oslo", "GPE", 1)}, {("Oslo", "GPE", 1)}),
    ("strip-title-from-name", "Keeper Tomas Vrba saved a penalty in Oslo.",
     [("Keeper", 3, "ORG"), ("Oslo", 1, "GPE")],
     {("Tomas Vrba", "PERSON", 1), ("Oslo", "GPE", 1)},
     {("Keeper Tomas Vrba", "ORG", 1), ("Oslo", "GPE", 1)}),
    ("drop-time-zone", "The polls in Oslo closed at 2200 GMT.",
     [("Oslo", 1, "GPE"), ("GMT", 1, "ORG")],
     {("Oslo", "GPE", 1)}, {("Oslo", "GPE", 1), ("GMT", "ORG", 1)}),
    ("drop-sentence-start-modifier", "Garden prices rose again in Oslo.",
     [("Garden", 1, "ORG"), ("Oslo", 1, "GPE")],
     {("Oslo", "GPE", 1)}, {("Oslo", "GPE", 1), ("Garden", "ORG", 1)}),
    ("vote-place-preposition", "Ruth Amble grew up in Hythe, near Oslo.",
     [("Ruth", 2, "PERSON"), ("Hythe", 1, "PERSON"), ("Oslo", 1, "GPE")],
     {("Ruth Amble", "PERSON", 1), ("Hythe", "GPE", 1), ("Oslo", "GPE", 1)},
     {("Ruth Amble", "PERSON", 1), ("Hythe", "PERSON", 1), ("Oslo", "GPE", 1)}),
    ("merge-given-name", "Ruth Amble won in Oslo. Ruth was delighted.",
     [("Ruth", 2, "PERSON"), ("Oslo", 1, "GPE"), ("Ruth", 1, "PERSON")],
     {("Ruth Amble", "PERSON", 2), ("Oslo", "GPE", 1)},
     {("Ruth Amble", "PERSON", 1), ("Ruth", "PERSON", 1), ("Oslo", "GPE", 1)}),
    ("recall-called-name", "In Oslo he founded a company called Quiet Loom.",
     [("Oslo", 1, "GPE")],
     {("Quiet Loom", "ORG", 1), ("Oslo", "GPE", 1)}, {("Oslo", "GPE", 1)}),
    ("recall-given-name", "In Oslo the prize went to Martha Quillfeather last night.",
     [("Oslo", 1, "GPE")],
     {("Martha Quillfeather", "PERSON", 1), ("Oslo", "GPE", 1)}, {("Oslo", "GPE", 1)}),
    ("recall-org-noun-name", "Fans in Oslo queued to see the band Velvetine play.",
     [("Oslo", 1, "GPE")],
     {("Velvetine", "ORG", 1), ("Oslo", "GPE", 1)}, {("Oslo", "GPE", 1)}),
    ("recall-place-name", "The label moved from Oslo to Kettering last year.",
     [("Oslo", 1, "GPE")],
     {("Kettering", "GPE", 1), ("Oslo", "GPE", 1)}, {("Oslo", "GPE", 1)}),
    ("join-plural-and-org", "Yesterday Parents and Teachers United met in Oslo.",
     [("Parents", 1, "NORP"), ("Teachers", 2, "ORG"), ("Oslo", 1, "GPE")],
     {("Parents and Teachers United", "ORG", 1), ("Oslo", "GPE", 1)},
     {("Teachers United", "ORG", 1), ("Oslo", "GPE", 1)}),
    ("type-place-word", "Fans filled Brantley Stadium in Oslo.",
     [("Brantley", 2, "ORG"), ("Oslo", 1, "GPE")],
     {("Brantley Stadium", "FAC", 1), ("Oslo", "GPE", 1)},
     {("Brantley Stadium", "ORG", 1), ("Oslo", "GPE", 1)}),
    ("recall-repeats", "Senator Maria Lopez spoke in Oslo. Lopez left.",
     [("Maria", 2, "PERSON"), ("Oslo", 1, "GPE")],
     {("Maria Lopez", "PERSON", 2), ("Oslo", "GPE", 1)},
     {("Maria Lopez", "PERSON", 1), ("Oslo", "GPE", 1)}),
    ("join-company-and", "He said Lake Tele and Cable Co cut prices in Oslo.",
     [("Lake", 2, "ORG"), ("Cable", 2, "ORG"), ("Oslo", 1, "GPE")],
     {("Lake Tele and Cable Co", "ORG", 1), ("Oslo", "GPE", 1)},
     {("Lake Tele", "ORG", 1), ("Cable Co", "ORG", 1), ("Oslo", "GPE", 1)}),
    ("split-party-from-name", "Green MP Ann Brodie spoke in Oslo.",
     [("Green", 4, "PERSON"), ("Oslo", 1, "GPE")],
     {("Green", "ORG", 1), ("Ann Brodie", "PERSON", 1), ("Oslo", "GPE", 1)},
     {("Green MP Ann Brodie", "PERSON", 1), ("Oslo", "GPE", 1)}),
    ("keep-party-modifier", "Tory MP Ann Brodie spoke in Oslo.",
     [("Tory", 1, "NORP"), ("Ann", 2, "PERSON"), ("Oslo", 1, "GPE")],
     {("Tory", "ORG", 1), ("Ann Brodie", "PERSON", 1), ("Oslo", "GPE", 1)},
     {("Ann Brodie", "PERSON", 1), ("Oslo", "GPE", 1)}),
    ("relabel-place-modifier", "A Kentford man was fined in Oslo.",
     [("Kentford", 1, "PERSON"), ("Oslo", 1, "GPE")],
     {("Kentford", "GPE", 1), ("Oslo", "GPE", 1)},
     {("Kentford", "PERSON", 1), ("Oslo", "GPE", 1)}),
    ("type-product", "Brindle sold its first Lumo console in Oslo.",
     [("Brindle", 1, "ORG"), ("Lumo", 1, "ORG"), ("Oslo", 1, "GPE")],
     {("Brindle", "ORG", 1), ("Oslo", "GPE", 1)},
     {("Brindle", "ORG", 1), ("Lumo", "ORG", 1), ("Oslo", "GPE", 1)}),
    ("type-club", "Fans in Oslo cheered the Harwick striker.",
     [("Oslo", 1, "GPE"), ("Harwick", 1, "GPE")],
     {("Harwick", "ORG", 1), ("Oslo", "GPE", 1)},
     {("Harwick", "GPE", 1), ("Oslo", "GPE", 1)}),
    ("type-speaker-not-place", "Prices rose in Oslo. Brentel said the cuts would go on.",
     [("Oslo", 1, "GPE"), ("Brentel", 1, "GPE")],
     {("Brentel", "ORG", 1), ("Oslo", "GPE", 1)},
     {("Brentel", "GPE", 1), ("Oslo", "GPE", 1)}),
    ("type-acting-name-not-nationality", "Fans in Oslo waited. Bluefrost announced a tour.",
     [("Oslo", 1, "GPE"), ("Bluefrost", 1, "NORP")],
     {("Bluefrost", "ORG", 1), ("Oslo", "GPE", 1)},
     {("Bluefrost", "NORP", 1), ("Oslo", "GPE", 1)}),
    ("vote-place-noun", "Aid reached Tarnow province and Oslo.",
     [("Tarnow", 1, "ORG"), ("Oslo", 1, "GPE")],
     {("Tarnow", "GPE", 1), ("Oslo", "GPE", 1)},
     {("Tarnow", "ORG", 1), ("Oslo", "GPE", 1)}),
    ("merge-club-short-form", "Real Harwick won in Oslo. Fans cheered as Harwick beat the champions.",
     [("Real", 2, "ORG"), ("Oslo", 1, "GPE"), ("Harwick", 1, "GPE")],
     {("Real Harwick", "ORG", 2), ("Oslo", "GPE", 1)},
     {("Real Harwick", "ORG", 1), ("Harwick", "ORG", 1), ("Oslo", "GPE", 1)}),
    ("type-given-name", "Paul Rowe spoke in Oslo. Paul Rowe left. Paul Rowe returned.",
     [("Paul", 2, "PERSON"), ("Oslo", 1, "GPE"), ("Paul", 2, "ORG"), ("Paul", 2, "ORG")],
     {("Paul Rowe", "PERSON", 3), ("Oslo", "GPE", 1)},
     {("Paul Rowe", "ORG", 3), ("Oslo", "GPE", 1)}),
    ("type-plural-verb", "Bluefrost were signed by a small label in Oslo.",
     [("Bluefrost", 1, "PERSON"), ("Oslo", 1, "GPE")],
     {("Bluefrost", "ORG", 1), ("Oslo", "GPE", 1)},
     {("Bluefrost", "PERSON", 1), ("Oslo", "GPE", 1)}),
    ("type-place-name", "Two hundred jobs will move to Kettering, officials in Oslo said.",
     [("Kettering", 1, "PERSON"), ("Oslo", 1, "GPE")],
     {("Kettering", "GPE", 1), ("Oslo", "GPE", 1)},
     {("Kettering", "PERSON", 1), ("Oslo", "GPE", 1)}),
    ("merge-known-as", "Brindle Tele moved to Oslo and is now known as Corvex.",
     [("Brindle", 2, "ORG"), ("Oslo", 1, "GPE"), ("Corvex", 1, "ORG")],
     {("Brindle Tele", "ORG", 2), ("Oslo", "GPE", 1)},
     {("Brindle Tele", "ORG", 1), ("Corvex", "ORG", 1), ("Oslo", "GPE", 1)}),
    ("type-law-title", "The Clean Rivers Act was passed in Oslo.",
     [("Clean", 3, "ORG"), ("Oslo", 1, "GPE")],
     {("Oslo", "GPE", 1)},
     {("Clean Rivers Act", "ORG", 1), ("Oslo", "GPE", 1)}),
    ("recall-country-name", "Ann Brodie of the USA won in Oslo.",
     [("Ann", 2, "PERSON"), ("Oslo", 1, "GPE")],
     {("Ann Brodie", "PERSON", 1), ("United States", "GPE", 1), ("Oslo", "GPE", 1)},
     {("Ann Brodie", "PERSON", 1), ("Oslo", "GPE", 1)}),
    ("split-place-party", "The Ohio Democrat spoke in Oslo.",
     [("Ohio", 2, "NORP"), ("Oslo", 1, "GPE")],
     {("Ohio", "GPE", 1), ("Democrat", "ORG", 1), ("Oslo", "GPE", 1)},
     {("Ohio Democrat", "NORP", 1), ("Oslo", "GPE", 1)}),
    ("drop-verb-or-adjective", "He played an Anglicised hero in Oslo.",
     [("Anglicised", 1, "PERSON"), ("Oslo", 1, "GPE")],
     {("Oslo", "GPE", 1)},
     {("Anglicised", "PERSON", 1), ("Oslo", "GPE", 1)}),
    ("vote-gendered", "Obinna Brakspeare scored his third try in Oslo.",
     [("Obinna", 2, "ORG"), ("Oslo", 1, "GPE")],
     {("Obinna Brakspeare", "PERSON", 1), ("Oslo", "GPE", 1)},
     {("Obinna Brakspeare", "ORG", 1), ("Oslo", "GPE", 1)}),
    ("extend-to-defined-name", "Fees rose, said the Nordic Harbour Forum (NHF) in Oslo.",
     [("Nordic", 1, "GPE"), ("NHF", 1, "ORG"), ("Oslo", 1, "GPE")],
     {("Nordic Harbour Forum", "ORG", 2), ("Oslo", "GPE", 1)},
     {("Nordic", "GPE", 1), ("Harbour Forum", "ORG", 1), ("NHF", "ORG", 1), ("Oslo", "GPE", 1)}),
    ("split-country-prefix", "Norway Carmaker Vell Motors sold cars in Oslo.",
     [("Norway", 4, "ORG"), ("Oslo", 1, "GPE")],
     {("Norway", "GPE", 1), ("Vell Motors", "ORG", 1), ("Oslo", "GPE", 1)},
     {("Norway Carmaker Vell Motors", "ORG", 1), ("Oslo", "GPE", 1)}),
    ("extend-given-name", "Reporters in Oslo met Ann Velkoran on Monday.",
     [("Oslo", 1, "GPE"), ("Ann", 1, "PERSON")],
     {("Ann Velkoran", "PERSON", 1), ("Oslo", "GPE", 1)},
     {("Ann", "PERSON", 1), ("Oslo", "GPE", 1)}),
    ("split-person-possessor", "Tom Brannick scored in Oslo. Brannick's Harwick team-mate agreed.",
     [("Tom", 2, "PERSON"), ("Oslo", 1, "GPE"), ("Brannick", 3, "ORG")],
     {("Tom Brannick", "PERSON", 2), ("Harwick", "ORG", 1), ("Oslo", "GPE", 1)},
     {("Tom Brannick", "PERSON", 1), ("Brannick's Harwick", "ORG", 1), ("Oslo", "GPE", 1)}),
    ("merge-surname-of-unread-name", "Stefan Lowczek headed wide in Oslo. Later Lowczek scored again.",
     [("Stefan", 2, "ORG"), ("Oslo", 1, "GPE"), ("Lowczek", 1, "GPE")],
     {("Stefan Lowczek", "PERSON", 2), ("Oslo", "GPE", 1)},
     {("Stefan Lowczek", "ORG", 1), ("Lowczek", "GPE", 1), ("Oslo", "GPE", 1)}),
    ("vote-listed-with-people", "What about Kelani Vesterby and Tam Roe in a remake in Oslo?",
     [("Kelani", 2, "ORG"), ("Tam", 2, "PERSON"), ("Oslo", 1, "GPE")],
     {("Kelani Vesterby", "PERSON", 1), ("Tam Roe", "PERSON", 1), ("Oslo", "GPE", 1)},
     {("Kelani Vesterby", "ORG", 1), ("Tam Roe", "PERSON", 1), ("Oslo", "GPE", 1)}),
    ("type-band", "Fans in Oslo cheered the Velvet Harrow frontman Tam Roe.",
     [("Oslo", 1, "GPE"), ("Velvet", 2, "PERSON"), ("Tam", 2, "PERSON")],
     {("Velvet Harrow", "ORG", 1), ("Tam Roe", "PERSON", 1), ("Oslo", "GPE", 1)},
     {("Velvet Harrow", "PERSON", 1), ("Tam Roe", "PERSON", 1), ("Oslo", "GPE", 1)}),
    ("vote-chart-owner", "Sales in Oslo lifted the song in Tallowby's singles chart.",
     [("Oslo", 1, "GPE"), ("Tallowby", 1, "PERSON")],
     {("Tallowby", "ORG", 1), ("Oslo", "GPE", 1)},
     {("Tallowby", "PERSON", 1), ("Oslo", "GPE", 1)}),
    ("type-player-not-club", "Fans in Oslo cheered as Velkor beat Tarnowsky 6-3 7-6 (7-2).",
     [("Oslo", 1, "GPE"), ("Velkor", 1, "PERSON"), ("Tarnowsky", 1, "ORG")],
     {("Velkor", "PERSON", 1), ("Tarnowsky", "PERSON", 1), ("Oslo", "GPE", 1)},
     {("Velkor", "ORG", 1), ("Tarnowsky", "ORG", 1), ("Oslo", "GPE", 1)}),
    ("cut-trailing-scores", "Fans in Oslo cheered as Velkor beat Tam Brannick 7-6 (7-4) 6-3 on Monday.",
     [("Oslo", 1, "GPE"), ("Velkor", 1, "PERSON"), ("Tam", 10, "PERSON")],
     {("Velkor", "PERSON", 1), ("Tam Brannick", "PERSON", 1), ("Oslo", "GPE", 1)},
     {("Velkor", "PERSON", 1), ("Tam Brannick 7-6", "PERSON", 1), ("Oslo", "GPE", 1)}),
    ("strip-nationality-from-unread-name", "Fans in Oslo cheered Frenchman Tam Brannick on Monday.",
     [("Oslo", 1, "GPE"), ("Frenchman", 3, "ORG")],
     {("Tam Brannick", "PERSON", 1), ("Oslo", "GPE", 1)},
     {("Frenchman Tam Brannick", "ORG", 1), ("Oslo", "GPE", 1)}),
    ("type-town-club", "The striker scored twice as his side won 2-1 and the fans cheered. "
     "The win over Kettering lifted the squad in Oslo.",
     [("Kettering", 1, "GPE"), ("Oslo", 1, "GPE")],
     {("Kettering", "ORG", 1), ("Oslo", "GPE", 1)},
     {("Kettering", "GPE", 1), ("Oslo", "GPE", 1)}),
    ("type-cued-person", "Velkor and drum 'n' bass star Kwabena Plant have released a song in Oslo.",
     [("Velkor", 1, "PERSON"), ("Kwabena", 2, "PERSON"), ("Oslo", 1, "GPE")],
     {("Velkor", "PERSON", 1), ("Kwabena Plant", "PERSON", 1), ("Oslo", "GPE", 1)},
     {("Velkor", "PERSON", 1), ("Kwabena Plant", "ORG", 1), ("Oslo", "GPE", 1)}),
    ("merge-single-name-of-player", "Tinho Tarrow scored in Oslo. Later Tinho shot wide.",
     [("Tinho", 2, "PERSON"), ("Oslo", 1, "GPE"), ("Tinho", 1, "ORG")],
     {("Tinho Tarrow", "PERSON", 2), ("Oslo", "GPE", 1)},
     {("Tinho Tarrow", "PERSON", 1), ("Tinho", "ORG", 1), ("Oslo", "GPE", 1)}),
    ("type-work-unopposed", "Two new episodes of Harrow Lane will be shown in Oslo.",
     [("Harrow", 2, "PERSON"), ("Oslo", 1, "GPE")],
     {("Oslo", "GPE", 1)},
     {("Harrow Lane", "PERSON", 1), ("Oslo", "GPE", 1)}),
    ("type-product-use", "Sales of Lumo games rose in Oslo.",
     [("Lumo", 1, "ORG"), ("Oslo", 1, "GPE")],
     {("Oslo", "GPE", 1)},
     {("Lumo", "ORG", 1), ("Oslo", "GPE", 1)}),
    ("type-everyday-words", "Urban is a broad term in Oslo, and urban music is popular.",
     [("Urban", 1, "ORG"), ("Oslo", 1, "GPE")],
     {("Oslo", "GPE", 1)},
     {("Urban", "ORG", 1), ("Oslo", "GPE", 1)}),
    ("vote-stars", "Tove Brakspeare will star in a new drama in Oslo.",
     [("Tove", 2, "ORG"), ("Oslo", 1, "GPE")],
     {("Tove Brakspeare", "PERSON", 1), ("Oslo", "GPE", 1)},
     {("Tove Brakspeare", "ORG", 1), ("Oslo", "GPE", 1)}),
    ("split-org-from-person", "The governor of the Norland Bank Maria Lopez spoke in Oslo.",
     [("Norland", 4, "ORG"), ("Oslo", 1, "GPE")],
     {("Norland Bank", "ORG", 1), ("Maria Lopez", "PERSON", 1), ("Oslo", "GPE", 1)},
     {("Norland Bank Maria Lopez", "ORG", 1), ("Oslo", "GPE", 1)}),
    ("split-country-from-common-word", "U.K. Workers hold half the seats in Oslo.",
     [("U.K.", 2, "ORG"), ("Oslo", 1, "GPE")],
     {("United Kingdom", "GPE", 1), ("Oslo", "GPE", 1)},
     {("U.K. Workers", "ORG", 1), ("Oslo", "GPE", 1)}),
    ("extend-initials-and", "KT and R Harbour Trust said rents fell in Oslo.",
     [("R", 3, "ORG"), ("Oslo", 1, "GPE")],
     {("KT and R Harbour Trust", "ORG", 1), ("Oslo", "GPE", 1)},
     {("R Harbour Trust", "ORG", 1), ("Oslo", "GPE", 1)}),
    ("extend-to-known-name", "Den Norske Bank sold bonds in Oslo. Den Norske's bonds fell.",
     [("Den", 3, "ORG"), ("Oslo", 1, "GPE"), ("Norske", 1, "ORG")],
     {("Den Norske Bank", "ORG", 2), ("Oslo", "GPE", 1)},
     {("Den Norske Bank", "ORG", 1), ("Norske", "ORG", 1), ("Oslo", "GPE", 1)}),
    ("type-group-noun", "The fund has gone after brokers Glenn Mortimer in Oslo.",
     [("Glenn", 2, "PERSON"), ("Oslo", 1, "GPE")],
     {("Glenn Mortimer", "ORG", 1), ("Oslo", "GPE", 1)},
     {("Glenn Mortimer", "PERSON", 1), ("Oslo", "GPE", 1)}),
    ("type-org-unit", "Tom Ide told NBC Harbour Sport in Oslo that NBC was wrong.",
     [("Tom", 2, "PERSON"), ("NBC", 3, "PERSON"), ("Oslo", 1, "GPE"), ("NBC", 1, "ORG")],
     {("Tom Ide", "PERSON", 1), ("NBC Harbour Sport", "ORG", 1), ("NBC", "ORG", 1),
      ("Oslo", "GPE", 1)},
     {("Tom Ide", "PERSON", 1), ("NBC Harbour Sport", "PERSON", 1), ("NBC", "ORG", 1),
      ("Oslo", "GPE", 1)}),
    ("type-town-not-region", "The Ohio senator spoke in Oslo.",
     [("Ohio", 1, "LOC"), ("Oslo", 1, "GPE")],
     {("Ohio", "GPE", 1), ("Oslo", "GPE", 1)},
     {("Ohio", "LOC", 1), ("Oslo", "GPE", 1)}),
    ("merge-company-short-form", "MCX Harbour Systems Corp sold a unit in Oslo. MCX said profits rose.",
     [("MCX", 4, "ORG"), ("Oslo", 1, "GPE"), ("MCX", 1, "ORG")],
     {("MCX Harbour Systems Corp", "ORG", 2), ("Oslo", "GPE", 1)},
     {("MCX Harbour Systems Corp", "ORG", 1), ("MCX", "ORG", 1), ("Oslo", "GPE", 1)}),
    ("merge-clipped-name", "The National Harbour Board met in Oslo. The Nat said rates rose.",
     [("National", 3, "ORG"), ("Oslo", 1, "GPE"), ("Nat", 1, "ORG")],
     {("National Harbour Board", "ORG", 2), ("Oslo", "GPE", 1)},
     {("National Harbour Board", "ORG", 1), ("Nat", "ORG", 1), ("Oslo", "GPE", 1)}),
    ("merge-acronym-any-order", "The head of the Norland Grain Institute, IGN, spoke in Oslo. "
     "IGN said prices fell.",
     [("Norland", 3, "ORG"), ("IGN", 1, "ORG"), ("Oslo", 1, "GPE"), ("IGN", 1, "ORG")],
     {("Norland Grain Institute", "ORG", 3), ("Oslo", "GPE", 1)},
     {("Norland Grain Institute", "ORG", 1), ("IGN", "ORG", 2), ("Oslo", "GPE", 1)}),
    ("extend-and-company", "The fund retained J.K. Lane and Co Inc in Oslo.",
     [("J.K.", 2, "PERSON"), ("Oslo", 1, "GPE")],
     {("J.K. Lane and Co Inc", "ORG", 1), ("Oslo", "GPE", 1)},
     {("J.K. Lane", "PERSON", 1), ("Oslo", "GPE", 1)}),
    ("type-org-named", "The stake was sold to a little-known firm called Velmar in Oslo.",
     [("Velmar", 1, "PERSON"), ("Oslo", 1, "GPE")],
     {("Velmar", "ORG", 1), ("Oslo", "GPE", 1)},
     {("Velmar", "PERSON", 1), ("Oslo", "GPE", 1)}),
    ("type-traded", "Shares in Velmar fell 4% in Oslo.",
     [("Velmar", 1, "PERSON"), ("Oslo", 1, "GPE")],
     {("Velmar", "ORG", 1), ("Oslo", "GPE", 1)},
     {("Velmar", "GPE", 1), ("Oslo", "GPE", 1)}),  # a one-word name after "in" votes GPE
    ("type-acronym-not-person", "The trial ended in Oslo, NTB reported.",
     [("Oslo", 1, "GPE"), ("NTB", 1, "PERSON")],
     {("NTB", "ORG", 1), ("Oslo", "GPE", 1)},
     {("NTB", "PERSON", 1), ("Oslo", "GPE", 1)}),
    ("cut-org-noun-tail", "The Norland Press news agency reported unrest in Oslo.",
     [("Norland", 4, "ORG"), ("Oslo", 1, "GPE")],
     {("Norland Press", "ORG", 1), ("Oslo", "GPE", 1)},
     {("Norland Press news agency", "ORG", 1), ("Oslo", "GPE", 1)}),
    ("vote-the-name", "But the Velmar found that prices rose in Oslo.",
     [("Velmar", 1, "PERSON"), ("Oslo", 1, "GPE")],
     {("Velmar", "ORG", 1), ("Oslo", "GPE", 1)},
     {("Velmar", "PERSON", 1), ("Oslo", "GPE", 1)}),
    ("relabel-employer", "Prices will fall, said Velmar analyst Ann Lee in Oslo.",
     [("Velmar", 1, "PERSON"), ("Ann", 2, "PERSON"), ("Oslo", 1, "GPE")],
     {("Velmar", "ORG", 1), ("Ann Lee", "PERSON", 1), ("Oslo", "GPE", 1)},
     {("Velmar", "PERSON", 1), ("Ann Lee", "PERSON", 1), ("Oslo", "GPE", 1)}),
    ("type-employer", "Rain is likely, said a forecaster for Velmar Climate in Oslo.",
     [("Velmar", 2, "PERSON"), ("Oslo", 1, "GPE")],
     {("Velmar Climate", "ORG", 1), ("Oslo", "GPE", 1)},
     {("Velmar Climate", "PERSON", 1), ("Oslo", "GPE", 1)}),
    ("join-firm-and", "The law firm Hale and Dorr advised the bank in Oslo.",
     [("Hale", 1, "PERSON"), ("Oslo", 1, "GPE")],
     {("Hale and Dorr", "ORG", 1), ("Oslo", "GPE", 1)},
     {("Hale", "ORG", 1), ("Oslo", "GPE", 1)}),  # "the law firm Hale": ORG, but cut short
    ("drop-plural-of-name", "The Levy rose in Oslo. In the Levys before each election, taxes fell.",
     [("Levy", 1, "ORG"), ("Oslo", 1, "GPE"), ("Levys", 1, "ORG")],
     {("Levy", "ORG", 1), ("Oslo", "GPE", 1)},
     {("Levy", "ORG", 1), ("Levys", "ORG", 1), ("Oslo", "GPE", 1)}),
    ("recall-newspaper", "Tom Ide told the Sunday Courier in Oslo that he would stand.",
     [("Tom", 2, "PERSON"), ("Sunday", 1, "DATE"), ("Oslo", 1, "GPE")],
     {("Tom Ide", "PERSON", 1), ("Sunday Courier", "ORG", 1), ("Oslo", "GPE", 1)},
     {("Tom Ide", "PERSON", 1), ("Oslo", "GPE", 1)}),
    ("extend-to-known-start", "Velmar Brooke fired staff in Oslo. Velmar Brooke Rail Services faces a charge.",
     [("Velmar", 2, "ORG"), ("Oslo", 1, "GPE"), ("Brooke", 3, "ORG")],
     {("Velmar Brooke", "ORG", 1), ("Oslo", "GPE", 1), ("Velmar Brooke Rail Services", "ORG", 1)},
     {("Velmar Brooke", "ORG", 1), ("Oslo", "GPE", 1), ("Brooke Rail Services", "ORG", 1)}),
    ("extend-over-given-name", "Winners in Oslo included Catalina Velez Moreno.",
     [("Oslo", 1, "GPE"), ("Velez", 2, "PERSON")],
     {("Catalina Velez Moreno", "PERSON", 1), ("Oslo", "GPE", 1)},
     {("Velez Moreno", "PERSON", 1), ("Oslo", "GPE", 1)}),
    ("cut-leading-common-word", "Bar Tove Brakspeare, the squad in Oslo is fit.",
     [("Bar", 3, "PERSON"), ("Oslo", 1, "GPE")],
     {("Tove Brakspeare", "PERSON", 1), ("Oslo", "GPE", 1)},
     {("Bar Tove Brakspeare", "PERSON", 1), ("Oslo", "GPE", 1)}),
    ("type-award-work", "Ann Lefroy took the best debut prize for Harrow Lane in Oslo.",
     [("Ann", 2, "PERSON"), ("Harrow", 2, "ORG"), ("Oslo", 1, "GPE")],
     {("Ann Lefroy", "PERSON", 1), ("Oslo", "GPE", 1)},
     {("Ann Lefroy", "PERSON", 1), ("Harrow Lane", "ORG", 1), ("Oslo", "GPE", 1)}),
    ("type-place-unopposed", "The fair in Harrogate drew crowds from Oslo.",
     [("Harrogate", 1, "ORG"), ("Oslo", 1, "GPE")],
     {("Harrogate", "GPE", 1), ("Oslo", "GPE", 1)},
     {("Harrogate", "ORG", 1), ("Oslo", "GPE", 1)}),
    ("type-given-name-unopposed", "The prize went to Tove Brakspeare in Oslo.",
     [("Tove", 2, "ORG"), ("Oslo", 1, "GPE")],
     {("Tove Brakspeare", "PERSON", 1), ("Oslo", "GPE", 1)},
     {("Tove Brakspeare", "ORG", 1), ("Oslo", "GPE", 1)}),
    ("name-company-no-period", "Shares were sold to Harwick Freight Corp. in Oslo.",
     [("Harwick", 3, "ORG"), ("Oslo", 1, "GPE")],
     {("Harwick Freight Corp", "ORG", 1), ("Oslo", "GPE", 1)},
     {("Harwick Freight Corp.", "ORG", 1), ("Oslo", "GPE", 1)}),
    ("type-newspaper", "The group publishes the Northern Courier in Oslo.",
     [("Northern", 2, "LOC"), ("Oslo", 1, "GPE")],
     {("Northern Courier", "ORG", 1), ("Oslo", "GPE", 1)},
     {("Northern Courier", "LOC", 1), ("Oslo", "GPE", 1)}),
    ("merge-acronym-by-use", "Nordic Council farmers met the Nordic Commission in Oslo. "
     "The NC's Nordic Commission said NC farmers would be paid.",
     [("Nordic", 2, "ORG"), ("Nordic", 2, "ORG"), ("Oslo", 1, "GPE"), ("NC", 1, "ORG"),
      ("Nordic", 2, "ORG"), ("NC", 1, "ORG")],
     {("Nordic Council", "ORG", 3), ("Nordic Commission", "ORG", 2), ("Oslo", "GPE", 1)},
     {("Nordic Council", "ORG", 1), ("Nordic Commission", "ORG", 2), ("NC", "ORG", 2),
      ("Oslo", "GPE", 1)}),
    ("join-dangling-name", "The Council for Harbour Pilots and Tugs met in Oslo.",
     [("Council", 5, "ORG"), ("Tugs", 1, "ORG"), ("Oslo", 1, "GPE")],
     {("Council for Harbour Pilots and Tugs", "ORG", 1), ("Oslo", "GPE", 1)},
     {("Council for Harbour Pilots", "ORG", 1), ("Tugs", "ORG", 1), ("Oslo", "GPE", 1)}),
    ("extend-party-name", "Liberal Democrat leader Ann Brodie spoke in Oslo.",
     [("Democrat", 1, "NORP"), ("Ann", 2, "PERSON"), ("Oslo", 1, "GPE")],
     {("Liberal Democrat", "ORG", 1), ("Ann Brodie", "PERSON", 1), ("Oslo", "GPE", 1)},
     {("Democrat", "ORG", 1), ("Ann Brodie", "PERSON", 1), ("Oslo", "GPE", 1)}),
    ("recall-party-before-title", "Conservative shadow chancellor Ann Brodie spoke in Oslo.",
     [("Ann", 2, "PERSON"), ("Oslo", 1, "GPE")],
     {("Conservative", "ORG", 1), ("Ann Brodie", "PERSON", 1), ("Oslo", "GPE", 1)},
     {("Ann Brodie", "PERSON", 1), ("Oslo", "GPE", 1)}),
    ("recall-mislabelled-speaker", "Tove Brakspeare, an analyst, said prices rose in Oslo.",
     [("Tove", 2, "WORK_OF_ART"), ("Oslo", 1, "GPE")],
     {("Tove Brakspeare", "PERSON", 1), ("Oslo", "GPE", 1)},
     {("Oslo", "GPE", 1)}),
    ("type-firm-not-place", "Ann Lefroy, a security consultant at Velmarco, spoke in Oslo.",
     [("Ann", 2, "PERSON"), ("Velmarco", 1, "GPE"), ("Oslo", 1, "GPE")],
     {("Ann Lefroy", "PERSON", 1), ("Velmarco", "ORG", 1), ("Oslo", "GPE", 1)},
     {("Ann Lefroy", "PERSON", 1), ("Velmarco", "GPE", 1), ("Oslo", "GPE", 1)}),
    ("type-digit-name", "By then V4 was trialling a service in Oslo.",
     [("V4", 1, "PERSON"), ("Oslo", 1, "GPE")],
     {("V4", "ORG", 1), ("Oslo", "GPE", 1)},
     {("V4", "PERSON", 1), ("Oslo", "GPE", 1)}),
    ("type-listed-org", "A study by security firms Vantoro and Quellix in Oslo found the flaw.",
     [("Vantoro", 1, "PERSON"), ("Quellix", 1, "PERSON"), ("Oslo", 1, "GPE")],
     {("Vantoro", "ORG", 1), ("Quellix", "ORG", 1), ("Oslo", "GPE", 1)},
     {("Vantoro", "PERSON", 1), ("Quellix", "PERSON", 1), ("Oslo", "GPE", 1)}),
    ("drop-word-written-lowercase", "Users in Oslo want cheap fibrewave. Fibrewave will grow.",
     [("Oslo", 1, "GPE"), ("Fibrewave", 1, "GPE")],
     {("Oslo", "GPE", 1)},
     {("Oslo", "GPE", 1), ("Fibrewave", "GPE", 1)}),
    ("split-at-initial-stop", "He thanked Arlo Q. Vena Morrow, his daughter, said in Oslo.",
     [("Arlo", 4, "PERSON"), ("Oslo", 1, "GPE")],
     {("Arlo Q", "PERSON", 1), ("Vena Morrow", "PERSON", 1), ("Oslo", "GPE", 1)},
     {("Arlo Q. Vena Morrow", "PERSON", 1), ("Oslo", "GPE", 1)}),
    ("name-initial-no-period", "Ticket sales rose for Arlo Q. in Oslo.",
     [("Arlo", 2, "PERSON"), ("Oslo", 1, "GPE")],
     {("Arlo Q", "PERSON", 1), ("Oslo", "GPE", 1)},
     {("Arlo Q.", "PERSON", 1), ("Oslo", "GPE", 1)}),
]


# Where another rule would catch the same case, it is switched off in both runs.
ALSO_OFF = {"drop-sentence-start-modifier": {"drop-common-word"},
            "type-party": {"keep-party-modifier"},
            "merge-name-head": {"merge-org-short-form"},
            "split-coordinated-names": {"merge-org-short-form"},
            "type-joined-person": {"type-given-name"},
            "vote-place-preposition": {"type-place-name"},
            "drop-common-word": {"drop-verb-or-adjective"},
            "type-work-title": {"type-work-unopposed"},
            "type-product": {"type-product-use"},
            "merge-acronym-any-order": {"merge-acronym-defined"},
            "type-person-cue": {"type-given-name-unopposed"},
            "merge-surname-of-unread-name": {"type-given-name-unopposed"},
            "vote-stars": {"type-given-name-unopposed"},
            "strip-affiliation": {"cut-leading-common-word"},
            "split-party-from-name": {"strip-affiliation"},
            "type-traded": {"type-firm-not-place"},
            "type-town-club": {"type-club"},
            "type-everyday-words": {"drop-word-written-lowercase"}}


@pytest.mark.parametrize("name,text,ents,on,off", CASES, ids=[c[0] for c in CASES])
def test_switching_a_rule_off_changes_only_its_rows(parse, name, text, ents, on, off):
    doc = with_ents(parse(text), *ents)
    also = ALSO_OFF.get(name, set())
    assert rows(doc, disable=also) == on
    assert rows(doc, disable=also | {name}) == off


def test_every_actor_rule_has_a_switch_off_case():
    tested = {c[0] for c in CASES} | {"type-facility", "type-org-noun", "type-majority",
                                      "vote-model-label", "merge-country-variants"}
    names = {f.rule_name for group in act.RULE_GROUPS.values() for f in group}
    assert names <= tested


def test_country_variants_merge_only_with_the_rule(parse):
    doc = with_ents(parse("Britain sent aid. The UK also sent doctors to Oslo."),
                    ("Britain", 1, "GPE"), ("UK", 1, "GPE"), ("Oslo", 1, "GPE"))
    assert rows(doc) == {("United Kingdom", "GPE", 2), ("Oslo", "GPE", 1)}
    off = act.extract_actors(doc, disable={"merge-country-variants"})
    assert sorted(len(a.mentions) for a in off if a.name == "United Kingdom") == [1, 1]


def test_facility_noun_after_a_person_makes_a_facility(parse):
    doc = with_ents(parse("Patients left the Amadou Kourouma hospital in Oslo."),
                    ("Amadou", 2, "PERSON"), ("Oslo", 1, "GPE"))
    assert ("Amadou Kourouma hospital", "FAC", 1) in rows(doc)
    assert ("Amadou Kourouma hospital", "PERSON", 1) in rows(doc, disable={"type-facility"})


def test_org_noun_clue_makes_an_org():
    cands = [act._Candidate(0, 1, "PERSON", 0, org_clue=True, key="tarkan")]
    ev = act._TypeEvidence(joined=set(), votes={"PERSON": 1}, agent=False, neuter=False)
    assert act.type_org_noun(cands, ev) == "ORG"
    cands[0].org_clue = False
    assert act.type_org_noun(cands, ev) is None


def test_without_the_majority_rule_undecided_groups_make_no_actor(parse):
    doc = with_ents(parse("Troops left Chad for Oslo."), ("Chad", 1, "PERSON"),
                    ("Oslo", 1, "GPE"))
    assert rows(doc, disable={"type-majority"}) == {("Chad", "GPE", 1)}


def test_model_label_vote():
    ev = act._TypeEvidence(joined=set(), votes={}, agent=False, neuter=False)
    assert act.vote_model_label(act._Candidate(0, 1, "LOC", 0), ev) == "LOC"
    assert act.vote_model_label(act._Candidate(0, 1, "", 0), ev) is None


def test_a_failing_rule_raises(parse, monkeypatch):
    def broken(span, label, sent):
        raise RuntimeError("broken filter")

    monkeypatch.setattr(act, "MENTION_FILTERS", (broken,))
    doc = with_ents(parse("Troops left Chad for Oslo."), ("Oslo", 1, "GPE"))
    with pytest.raises(RuntimeError, match="broken filter"):
        act.extract_actors(doc)


# --------------------------------------------------------------------------- patterns


def test_wire_ticker_brackets_are_not_part_of_a_name(parse):
    doc = parse("Harbour Mutual Bank BSC> said profits rose in Oslo.")
    doc = with_ents(doc, ("Harbour", 5, "ORG"), ("Oslo", 1, "GPE"))
    assert rows(doc) == {("Harbour Mutual Bank BSC", "ORG", 1), ("Oslo", "GPE", 1)}


def test_wire_stock_code_is_no_actor(parse):
    doc = parse("Brindle Corp <BRN> said profits rose in Oslo.")
    assert rows(doc) == {("Brindle Corp", "ORG", 1), ("Oslo", "GPE", 1)}


def test_honorific_makes_a_person_and_joins_the_full_name(parse):
    doc = with_ents(parse("Wilfred Ambry spoke in Oslo. Later Mr Ambry left."),
                    ("Wilfred", 2, "PERSON"), ("Oslo", 1, "GPE"), ("Mr", 2, "GPE"))
    actors = {a.name: a for a in act.extract_actors(doc)}
    assert actors["Wilfred Ambry"].type == "PERSON"
    assert actors["Wilfred Ambry"].aliases == ["Wilfred Ambry", "Ambry"]
    assert "Ambry" not in actors and "Mr Ambry" not in actors


def test_rank_is_stripped_and_kept_as_the_role(parse):
    doc = parse("Keeper Tomas Vrba saved a penalty in Oslo.")
    actors = {a.name: a for a in act.extract_actors(doc)}
    assert actors["Tomas Vrba"].type == "PERSON"
    assert actors["Tomas Vrba"].description == "Keeper"


def test_x_of_y_stays_one_name(parse):
    doc = parse("The Bank of Norland raised rates. The Bank said inflation was high.")
    names = {a.name for a in act.extract_actors(doc)}
    assert "Bank of Norland" in names and "Bank" not in names


def test_party_nicknames_and_plurals_are_one_party(parse):
    doc = with_ents(parse("The Tories lost Oslo. The Conservatives said a Tory won elsewhere."),
                    ("Tories", 1, "NORP"), ("Oslo", 1, "GPE"), ("Conservatives", 1, "NORP"),
                    ("Tory", 1, "NORP"))
    parties = [a for a in act.extract_actors(doc) if a.type == "ORG"]
    assert len(parties) == 1
    assert set(parties[0].aliases) == {"Tories", "Conservatives", "Tory"}


def test_two_people_sharing_a_surname_stay_apart_with_an_honorific(parse):
    doc = with_ents(parse("Anna Berg met Lars Berg in Oslo. Mr Berg said talks went well."),
                    ("Anna", 2, "PERSON"), ("Lars", 2, "PERSON"), ("Oslo", 1, "GPE"),
                    ("Berg", 1, "PERSON"))
    actors = {a.name: a for a in act.extract_actors(doc)}
    assert len(actors["Anna Berg"].mentions) == len(actors["Lars Berg"].mentions) == 1


def test_quoted_title_is_no_actor(parse):
    doc = with_ents(parse('She sang "Blue Harbour" in Oslo.'), ("Blue", 2, "ORG"),
                    ("Oslo", 1, "GPE"))
    assert rows(doc) == {("Oslo", "GPE", 1)}


def test_recalled_speaker_called_he_is_a_person(parse):
    doc = with_ents(parse("Fans in Oslo waited. Teodoro Brannigan said he was tired."),
                    ("Oslo", 1, "GPE"))
    assert ("Teodoro Brannigan", "PERSON", 1) in rows(doc)


def test_recalled_mentions_carry_no_model_label(parse):
    doc = with_ents(parse("Prices rose in Oslo. Brindlewood said it would cut jobs."),
                    ("Oslo", 1, "GPE"))
    brindle = next(a for a in act.extract_actors(doc) if a.name == "Brindlewood")
    assert [m.label for m in brindle.mentions] == [""] and brindle.labels == {}


def test_score_glued_to_a_team_is_cut_off(parse):
    doc = with_ents(parse("Brindle Rovers 2-1 win lifted fans in Oslo."),
                    ("Brindle", 3, "ORG"), ("Oslo", 1, "GPE"))
    assert rows(doc) == {("Brindle Rovers", "ORG", 1), ("Oslo", "GPE", 1)}


def test_title_after_films_like_is_a_work(parse):
    doc = with_ents(parse("Films like Winter Harbour sold well in Oslo."),
                    ("Winter", 2, "PERSON"), ("Oslo", 1, "GPE"))
    assert rows(doc) == {("Oslo", "GPE", 1)}


def test_acronym_defined_after_a_possessive_joins(parse):
    doc = with_ents(parse("The Grain Board for Norland's (GBFN) report came out in Oslo. "
                          "GBFN said prices rose."),
                    ("Grain", 5, "ORG"), ("GBFN", 1, "ORG"), ("Oslo", 1, "GPE"),
                    ("GBFN", 1, "ORG"))
    assert ("Grain Board for Norland", "ORG", 3) in rows(doc)


def test_company_form_is_left_out_of_initials(parse):
    doc = with_ents(parse("Gulf Trade Bank BSC raised capital in Oslo. GTB said demand was high."),
                    ("Gulf", 4, "ORG"), ("Oslo", 1, "GPE"), ("GTB", 1, "ORG"))
    assert ("Gulf Trade Bank BSC", "ORG", 2) in rows(doc)


def test_org_noun_right_before_a_name_makes_an_org(parse):
    doc = with_ents(parse("Shares in software giant Tallow rose in Oslo."),
                    ("Tallow", 1, "PERSON"), ("Oslo", 1, "GPE"))
    assert rows(doc) == {("Tallow", "ORG", 1), ("Oslo", "GPE", 1)}


def test_person_named_like_a_place_stays_a_person(parse):
    doc = with_ents(parse("Spokesman Tobias Hall said so in Oslo."),
                    ("Tobias", 2, "PERSON"), ("Oslo", 1, "GPE"))
    assert ("Tobias Hall", "PERSON", 1) in rows(doc)
