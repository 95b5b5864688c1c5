"""Build PDFs laid out like a UN Secretary-General report, at test time, with fpdf2.

Like the documents themselves (e.g. S/2010/200): a masthead, a bold title, numbered
headings (I., II.) with lettered ones (A., B.) and bold unnumbered ones under them,
numbered paragraphs that run across page breaks, line-end hyphens, running heads and
feet (symbol, job number, page number, barcode), a footnote under a rule with its
superscript marker, and an annex table. Each line is placed where Word would put it.
"""

from __future__ import annotations

from fpdf import FPDF

SYMBOL = "S/2010/200"
JOB = "10-31957"
FURNITURE = [SYMBOL, f"{JOB} (E) 230410", "*1031957*", JOB]
MASTHEAD = ["United Nations", "Security Council", "Distr.: General", "22 February 2010",
            "Original: English"]  # fmt: skip
TITLE = ["Report of the Secretary-General on the United Nations", "Mission in Testland"]
LEFT, WIDTH = 62, 150  # mm
LINE = 5.0  # mm between lines

# (kind, text): "h1", "h2", "h3", "p" (paragraph lines, already broken), "page"
BODY = [
    ("h1", "I. Introduction"),
    (
        "p",
        [
            "1. By its resolution 1892 (2009), the Security Council extended the mandate",
            "of the Mission until 15 October 2010 and requested me to report on the imple-",
            "mentation of its mandate every six months.",
        ],
    ),
    ("h1", "II. Political and security developments"),
    ("h2", "A. Political situation"),
    (
        "p",
        [
            "2. The implementation of the electoral calendar slipped again; the dialogue",
            "between the parties resumed in March with support from the Mission.^1",
        ],
    ),
    ("h3", "Emergency response"),
    (
        "p",
        [
            "3. Specialized military and civilian units undertook search-and-",
            "rescue operations, established field hospitals and supported troops",
            "deployed to the most affected areas of the capital and the north.",
        ],
    ),
    (
        "p",
        [
            "4. Patrols by the police and the military component continued across",
            "every region; insurgent attacks on convoys decreased in the period.",
        ],
    ),
    (
        "p",
        [
            "(a) Security of the airport and the port;",
            "(b) Escorts for humanitarian convoys and food distribution.",
        ],
    ),
    (
        "p",
        [
            "5. Humanitarian partners delivered food to 3.5 million people, and the",
            "World Food Programme and its partners kept supply routes open through",
            "the rainy season despite the damage to roads and bridges and the port,",
        ],
    ),
    ("page", ""),
    (
        "p",
        [
            "while the Government prepared the return of displaced families to their",
            "neighbourhoods and the reopening of schools in the capital.",
        ],
    ),
    ("h2", "B. Human rights"),
    (
        "p",
        [
            "6. The Mission documented arbitrary detention and supported the courts in",
            "reducing prolonged pretrial detention in the main prisons of the country.",
        ],
    ),
    ("h1", "III. Observations"),
    (
        "p",
        [
            "7. I thank the troop- and police-contributing countries for their steadfast",
            "support to the Mission and its personnel in a very difficult period.",
        ],
    ),
    ("page", ""),
    ("h1", "Annex"),
    (
        "table",
        [
            ["Country", "Troops", "Police"],
            ["Argentina", "720", "12"],
            ["Brazil", "2 188", "4"],
            ["Uruguay", "1 136", "9"],
        ],
    ),
]
NOTE = "Integrated Food Security Phase Classification, report of 19 December 2018."


# Three levels of numbered headings over numbered paragraphs, as in S/2004/669 (UNMISET):
# "III." > "A." > "1. Support to ..." (bold, body size) > "11. The capacity ..."
NESTED = [
    ("h1", "I. Activities of the Mission"),
    ("h2", "A. Rule of law"),
    ("h3", "1. Support to the courts"),
    (
        "p",
        [
            "1. The Mission supported the courts in the capital and in every region of",
            "the country throughout the reporting period, with advisers in each court.",
        ],
    ),
    ("p", ["2. The Mission trained judges"]),
    ("h3", "2. Justice for serious crimes"),
    ("p", ["3. The Special Panels completed five trials during the reporting period."]),
    ("h1", "II. Observations"),
    ("p", ["4. I thank the staff of the Mission for their work in the period."]),
]


# A larger bold heading over numbered ones at body size, as S/2004/669's "Programme I"
# over "1. Support to ...", and an annex heading with its date in parentheses below it.
PROGRAMMES = [
    ("h1", "III. Activities of the Mission"),
    ("h2", "A. Role of the Mission"),
    ("p", ["1. The Mission entered its consolidation phase on 20 May."]),
    ("h3big", "Programme I Support for justice"),
    ("h3", "1. Support to the courts"),
    ("p", ["2. The advisers supported the courts in every district of the country."]),
    ("h3", "2. Serious crimes"),
    ("p", ["3. The Special Panels completed five trials during the reporting period."]),
    ("page", ""),
    ("h1", "Annex"),
    ("h3", "(as at 31 July 2004)"),
    ("table", [["Country", "Police"], ["Argentina", "1"], ["Brazil", "4"]]),
]

# An annex that is a map (a picture with no text layer), on its heading's page or alone on
# the next one, as S/2019/198's "Annex III ... deployment map".
# A surface in square metres, set as Word sets it: "m" and a raised "2" ("m²").
AREA = [
    ("h1", "I. Camps"),
    (
        "p",
        [
            "1. Each detainee should have a living space of at least 2.5 m^2 in the cells,",
            "which the prison of the capital offers to one in ten of them.",
        ],
    ),
    ("p", ["2. The new camp covers 40 km^2 north of the airport.^1"]),
]

MAP_ANNEX = [
    ("h1", "I. Introduction"),
    ("p", ["1. The present report covers the period from 1 January to 30 June."]),
    ("page", ""),
    ("h1", "Annex I"),
    ("h1", "Deployment of the Mission"),
    ("image", ""),
    ("h1", "Annex II"),
    ("h1", "Areas of operation"),
    ("bare page", ""),
    ("image", ""),
]


# An annex table set as one text box per cell (as S/2019/198's benchmarks), then a map:
# a picture with a few place names scattered over it.
BOX_TABLE = [
    [["Benchmark"], ["Indicator"], ["Update"]],
    [["1. Legislation", "improves access", "to justice"], ["1.1 New Criminal", "Code adopted"],
     ["Senate commission", "issued its report"]],
    [["2. Police", "develop and", "perform"], ["2.1 Police officers", "per 1,000", "inhabitants"],
     ["1.36 officers", "in January"]],
    [["3. Prisons", "meet standards"], ["3.1 Pretrial", "detention rate"], ["74 per cent", "in December"]],
]  # fmt: skip
PLACES = [("Gantiadi", 30, 60), ("Sukhumi", 110, 95), ("Ochamchira", 60, 140),
          ("Gali", 150, 170), ("Zugdidi", 90, 200), ("Poti", 40, 230)]  # fmt: skip
TABLE_AND_MAP = [
    ("h1", "I. Introduction"),
    ("p", ["1. The present report covers the period from 1 January to 30 June."]),
    ("page", ""),
    ("h1", "Annex I"),
    ("boxes", BOX_TABLE),
    ("page", ""),
    ("h1", "Annex II"),
    ("map", PLACES),
]


def picture():
    """A grey picture, as a scanned map is: pixels only."""
    from PIL import Image

    return Image.new("RGB", (400, 300), (150, 170, 150))


class Report(FPDF):
    def __init__(self, body_style: str = "") -> None:
        super().__init__(unit="mm", format="A4")
        self.set_auto_page_break(False)
        self.y_at = 0.0
        self.notes: list[str] = []
        self.body_style = body_style  # "B" for a report set in bold throughout

    def furniture(self) -> None:
        number = self.page_no()
        self.set_font("Helvetica", "B", 8)
        if number > 1:
            self.text(LEFT - 40 if number % 2 == 0 else 170, 12, SYMBOL)
            foot = f"{number} {JOB}" if number % 2 == 0 else f"{JOB} {number}"
            self.set_font("Helvetica", "", 7)
            self.text(LEFT - 40, 288, foot)
        else:
            self.set_font("Helvetica", "", 8)
            self.text(LEFT - 40, 282, f"{JOB} (E) 230410")
            self.set_font("Helvetica", "B", 11)
            self.text(LEFT - 40, 288, "*1031957*")

    def new_page(self) -> None:
        self.footnotes()
        self.add_page()
        self.furniture()
        self.y_at = 25

    def line(self, text: str, style: str = "", size: float = 10, x: float = LEFT) -> None:
        self.set_font("Helvetica", style, size)
        head, *raised_parts = text.split("^")  # "^1": a raised marker or power, text after
        self.text(x, self.y_at, head)
        x += self.get_string_width(head)
        for part in raised_parts:
            self.set_font("Helvetica", "", 6)
            self.text(x + 0.3, self.y_at - 1.8, part[:1])
            x += self.get_string_width(part[:1]) + 0.3
            self.set_font("Helvetica", style, size)
            self.text(x, self.y_at, part[1:])
            x += self.get_string_width(part[1:])
            if not part[1:]:
                self.notes.append(part[:1])
        self.y_at += LINE

    def footnotes(self) -> None:
        if not self.notes:
            return
        self.set_font("Helvetica", "", 8)
        self.text(LEFT - 10, 262, "__________________")
        self.set_font("Helvetica", "", 5)
        self.text(LEFT - 3, 267, self.notes[0])
        self.set_font("Helvetica", "", 8)
        self.text(LEFT, 268, NOTE)
        self.notes = []


def masthead(pdf: Report, title=None) -> None:
    """``title``: its lines as (text, size), else TITLE in 14-point bold."""
    pdf.set_font("Helvetica", "", 14)
    pdf.text(LEFT - 40, 18, MASTHEAD[0])
    pdf.set_font("Helvetica", "", 9)
    pdf.text(170, 18, SYMBOL)
    pdf.set_font("Helvetica", "B", 20)
    pdf.text(LEFT - 40, 30, MASTHEAD[1])
    pdf.set_font("Helvetica", "", 9)
    for offset, text in enumerate(MASTHEAD[2:]):
        pdf.text(140, 30 + 6 * offset, text)
    pdf.y_at = 70
    for text, size in title or [(text, 14) for text in TITLE]:
        pdf.line(text, "B", size, LEFT - 5)
    pdf.y_at += 4


def build(pages_of_body: int = 1, body=None, body_style: str = "", title=None) -> bytes:
    """The report; ``pages_of_body`` repeats the body (numbered on) for a longer one."""
    pdf = Report(body_style)
    pdf.new_page()
    masthead(pdf, title)
    for _ in range(pages_of_body):
        for kind, content in body or BODY:
            place(pdf, kind, content)
    pdf.footnotes()
    return bytes(pdf.output())


def place(pdf: Report, kind: str, content) -> None:
    if kind == "page" or pdf.y_at > 240:
        pdf.new_page()
    if kind == "bare page":
        pdf.add_page()
        pdf.y_at = 25
    if kind == "boxes":
        boxes(pdf, content)
    if kind in ("map", "drawn map"):
        if kind == "map":
            pdf.image(picture(), x=20, y=50, w=170)
        for step in range(320):  # a vector map: roads and borders as many strokes
            pdf.rect(20 + step % 40 * 4, 50 + step // 40 * 20, 3, 1)
        pdf.set_font("Helvetica", "", 8)
        for name, x, y in content:
            pdf.text(x, y, name)
    if kind == "image":
        pdf.image(picture(), x=LEFT - 20, y=pdf.y_at, w=150)
        pdf.y_at += 115
    if kind in ("h1", "h2", "h3", "h3big"):
        pdf.y_at += 3
        size = {"h1": 12, "h2": 11, "h3": 10, "h3big": 12}[kind]
        pdf.line(content, "B", size, LEFT - (12 if kind == "h1" else 6 if kind == "h2" else 0))
        pdf.y_at += 2
    elif kind == "p":
        for text in content:
            pdf.line(text, pdf.body_style)
        pdf.y_at += 2.5
    elif kind == "table":
        for row in content:
            for column, cell in enumerate(row):
                pdf.set_font("Helvetica", "B" if row is content[0] else "", 9)
                pdf.text(LEFT + 45 * column, pdf.y_at, cell)
            pdf.y_at += LINE


def boxes(pdf: Report, rows) -> None:
    """Each cell its own text box, drawn one after the other (so read cell by cell)."""
    pdf.set_font("Helvetica", "", 9)
    for row in rows:
        top = pdf.y_at + 3
        for column, cell in enumerate(row):
            for offset, text in enumerate(cell):
                pdf.text(LEFT - 20 + 50 * column, top + offset * 4.5, text)
        pdf.y_at = top + 4.5 * max(len(cell) for cell in row) + 3


def scan() -> bytes:
    """A page with no text layer, as a scanner makes it (here: only drawn shapes)."""
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 170, 250, style="F")
    return bytes(pdf.output())


def encrypted() -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", "", 12)
    pdf.text(20, 20, "A secret report on the mission.")
    pdf.set_encryption(owner_password="owner", user_password="reader")
    return bytes(pdf.output())
