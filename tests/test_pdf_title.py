"""A UN report's title from its first page: which lines, how they join, its casing."""

from __future__ import annotations

from casebook.ingest.blocks import Block
from casebook.ingest.pdflines import Line
from casebook.ingest.pdfreader import read_pdf
from casebook.ingest.pdftitle import Spellings, case_headings, title_lines, title_text
from tests import unreport

BODY_SIZE = 10.0


def cased(title: str, body: list[str]) -> str:
    return Spellings(body).cased(title)


def line(text: str, size: float = 14.0, bold: bool = True) -> Line:
    return Line(text, 1, 60, 700, size, bold, 842)


def test_a_part_in_smaller_type_follows_a_colon_a_wrapped_line_a_space():
    # as S/2019/563 sets it: the mission in 12.5 points, "Report of ..." in 10.7
    parts = [line("United Nations Mission for Justice Support in Haiti", 12.5),
             line("Report of the Secretary-General", 10.7)]  # fmt: skip
    assert title_text(parts, Spellings([])) == (
        "United Nations Mission for Justice Support in Haiti: Report of the Secretary-General"
    )
    wrapped = [line("Report of the Secretary-General on the United Nations", 12.5),
               line("Mission for Justice Support in Haiti", 12.5)]  # fmt: skip
    assert title_text(wrapped, Spellings([])) == (
        "Report of the Secretary-General on the United Nations Mission for Justice Support in Haiti"
    )


def test_a_period_in_smaller_type_stays_in_its_brackets_and_a_footnote_marker_goes():
    lines = [line("Report of the Secretary-General on the United Nations", 15.5),
             line("Iraq-Kuwait Observation Mission*", 15.5),
             line("(for the period from 16 September 2002 to 21 March 2003)", 13.3)]  # fmt: skip
    assert title_text(lines, Spellings([])) == (
        "Report of the Secretary-General on the United Nations Iraq-Kuwait Observation Mission "
        "(for the period from 16 September 2002 to 21 March 2003)"
    )


def test_a_title_in_capitals_takes_the_case_of_the_reports_own_text():
    body = [
        "1. The present report is submitted pursuant to paragraph 4 of Security Council",
        "resolution 999 (1995), on the situation in Tajikistan and the security of the",
        "border; the security situation remained tense. The Council asked me to report.",
        "II. POLITICAL DEVELOPMENTS IN TAJIKISTAN",  # a heading in capitals: not counted
    ]
    title = "REPORT OF THE SECRETARY-GENERAL PURSUANT TO SECURITY COUNCIL RESOLUTION 999 (1995)"
    # "security" alone is lower case twice, "Security Council" as a pair once: the pair wins;
    # "Secretary-General" is not in the body (the report says "I"): each part capitalised
    assert cased(title, body) == (
        "Report of the Secretary-General pursuant to Security Council resolution 999 (1995)"
    )
    assert cased("SITUATION IN ABKHAZIA, GEORGIA", body) == "Situation in Abkhazia, Georgia"
    # a title word the body does not have is lower case; a name it does not have, capitalised
    assert cased("REPORT SUBMITTED ON ABKHAZIA", ["on"]) == "Report submitted on Abkhazia"
    assert cased("UNTAC AND CAMBODIA", ["UNTAC was deployed and"]) == "UNTAC and Cambodia"


def test_a_title_read_by_ocr_with_a_letter_or_two_wrong_is_still_one_in_capitals():
    above = [line("ORIGINAL: ENGLISH", BODY_SIZE, False),
             line("REPORT OF THE SECRETARY-GENERAL ON THE SITUATION IN TAJIKinTAN",
                  BODY_SIZE, False)]  # fmt: skip
    found = title_lines(above, BODY_SIZE)
    assert [ln.text for ln in found] == [above[1].text]
    spellings = Spellings(["the report of the Mission on the situation in the country"])
    assert title_text(found, spellings) == (
        "Report of the Secretary-General on the situation in Tajikintan"
    )


def test_a_one_word_heading_above_the_first_paragraph_is_not_the_title():
    # S/1994/312/Add.1 and S/26790: "Addendum" or "INTRODUCTION" between title and text
    for heading in ("INTRODUCTION", "Addendum"):
        above = [line("FURTHER REPORT OF THE SECRETARY-GENERAL ON THE", BODY_SIZE, False),
                 line("UNITED NATIONS OBSERVER MISSION IN EL SALVADOR", BODY_SIZE, False),
                 line(heading, BODY_SIZE, False)]  # fmt: skip
        assert title_lines(above, BODY_SIZE) == above[:2]
    bold = [line("Report of the Secretary-General on the United Nations", 15.5),
            line("Interim Administration Mission in Kosovo", 15.5),
            line("Introduction", 13.3)]  # fmt: skip
    assert title_lines(bold, BODY_SIZE) == bold[:2]


def test_a_built_report_with_a_two_part_title_reads_it_with_a_colon():
    data = unreport.build(
        title=[("Situation in Testland", 16), ("Report of the Secretary-General", 12)]
    )
    assert read_pdf(data).meta["title"] == (
        f"Situation in Testland: Report of the Secretary-General ({unreport.SYMBOL})"
    )


def test_a_sentences_first_word_does_not_vote_for_a_capital():
    # S/1997/198: "The situation in Tajikistan" opens many sentences
    body = ["1. The situation in Tajikistan remained tense. The situation in the",
            "south improved, and the situation in the capital was calm."]  # fmt: skip
    assert cased("ON THE SITUATION IN TAJIKISTAN", body) == "On the situation in Tajikistan"


def test_headings_in_capitals_take_the_texts_case_and_keep_their_numbers():
    spellings = Spellings(["the financial aspects of the Mission in El Salvador were", "a", "iv"])
    blocks = [Block("VII. FINANCIAL ASPECTS", "heading", 1), Block("A. THE MISSION", "heading", 2),
              Block("ANNEX IV", "heading", 1), Block("Police monitoring", "heading", 4),
              Block("1999 - 2000", "heading", 3), Block("EL SALVADOR", "paragraph")]  # fmt: skip
    case_headings(blocks, spellings)
    assert [b.text for b in blocks] == ["VII. Financial aspects", "A. The Mission", "Annex IV",
                                        "Police monitoring", "1999 - 2000", "EL SALVADOR"]  # fmt: skip
