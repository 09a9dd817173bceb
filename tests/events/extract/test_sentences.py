import pytest

from events.extract.sentences import (
    find_dateline,
    find_item_datelines,
    split_sentences,
    story_start,
)


def test_offsets_point_into_the_text_and_abbreviations_do_not_split():
    text = "The U.S. Navy arrived on Nov. 15 in Zhanjiang. Gen. Smith met him.\nNext line"
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "The U.S. Navy arrived on Nov. 15 in Zhanjiang.", "Gen. Smith met him.", "Next line"]
    assert all(text[s.start:s.end] == s.text for s in sentences)
    assert sentences[-1].headline and not sentences[0].headline


def test_site_furniture_is_marked():
    text = "No time to read?\nGet a summary\nRelated stories on Turkey's S-400 systems here:\nReal text."
    assert [s.furniture for s in split_sentences(text)] == [True, True, True, False]


def test_the_story_dateline_wins_over_the_desk_dateline():
    text = "BEIJING, Nov. 15, 2006 (Xinhua)\n\nZHANJIANG, Guangdong, Nov. 15 (Xinhua) --The USS Juneau"
    start, end = find_dateline(text)
    assert text[start:end] == "ZHANJIANG"
    assert find_dateline("LONDON, March 22 - King Fahd begins a visit") == (0, 6)
    assert find_dateline("In St. Petersburg, the leaders met.") is None


def test_a_digests_items_open_with_datelines_of_their_own():
    digest = ("Baltic news highlights on Wednesday:\n\nRIGA: Ministers of the bloc meet to discuss energy.\n\n"
              "TALLINN, Dec. 4 (BNS) -- The premier held talks with his Latvian counterpart.\n\n"
              "VILNIUS, Lithuania: Troops arrive for a NATO exercise.")
    assert [digest[start:end] for start, end in find_item_datelines(digest)] == ["RIGA", "TALLINN", "VILNIUS"]
    # a story's lines opened by an organisation's name, a dateline alone on its line, or a single
    # item are no digest
    story = ("NATO approved the deployment -- its third this year -- on Monday.\n"
             "ASEAN -- which groups ten states -- backed the plan.\nUSAID official: aid will flow.")
    assert find_item_datelines(story) == []
    assert find_item_datelines("RIGA, Dec. 4 (BNS)\nMinisters met.\nTALLINN: The premier held talks.") == []


@pytest.mark.parametrize(("text", "place"), [
    ("Vilnius, October 5: The minister arrived here on Tuesday.", "Vilnius"),
    ("Vilnius, Oct 5 (AFP) - The minister arrived here on Tuesday.", "Vilnius"),
    ("VILNIUS (Oct. 29) -- The two presidents held talks here.", "VILNIUS"),
    ("VILNIUS—The two presidents held talks here.", "VILNIUS"),  # an em dash with no spaces
    ("VILNIUS (AFP) Jun 12, 2006 -- The two presidents held talks here.", "VILNIUS"),
    ("Vilnius, 15th December: The two presidents held talks here.", "Vilnius"),
    ("Vilnius, 26 September 1997 (RFE/RL) - The two presidents held talks here.", "Vilnius"),
    # any agency's initials after a title-case city and its date
    ("Vilnius, Feb. 19 (BNS) -- The two presidents held talks here.", "Vilnius"),
    ("Vilnius, May 26, ELTA -- The two presidents held talks here.", "Vilnius"),
])
def test_datelines_of_newspapers_and_broadcasters(text, place):
    start, end = find_dateline(text)
    assert text[start:end] == place


def test_an_endless_sentence_is_read_in_bounded_passages():
    from events.extract.sentences import MAX_PASSAGE

    text = "Putin met Lukashenko in Minsk and visited Moscow, " * 200 + "end."
    passages = split_sentences(text)
    assert len(passages) > 1 and all(len(p.text) <= MAX_PASSAGE for p in passages)
    assert all(text[p.start:p.end] == p.text for p in passages)
    # cut after clause punctuation, so no place name is cut in two
    assert all(p.text.endswith((",", "end.")) for p in passages)


def test_real_sentences_are_not_cut():
    sentence = "The ministers, who met in Minsk, agreed; " * 8 + "they will meet again."
    assert [s.text for s in split_sentences(sentence)] == [sentence]


@pytest.mark.parametrize(("text", "story"), [
    ("TALLINN -- In Riga today, the talks went on.", "In Riga today, the talks went on."),
    ("RIGA, May 17 (Xinhua) -- Visiting leaders met.", "Visiting leaders met."),
    ("In Riga today, the talks went on.", "In Riga today, the talks went on."),
])
def test_the_story_starts_after_the_dateline(text, story):
    assert text[story_start(text):] == story
