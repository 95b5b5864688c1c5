"""Inputs for bench_ingest.py beyond plain text: a 30-page report PDF, a 1 MB web page,
and a page of 100,000 nested elements. Built at run time; nothing is downloaded."""

from __future__ import annotations

import html
import random

from bench.bench_ingest import SEED, article_parts
from tests import unreport


def report_pdf(pages: int = 30) -> bytes:
    """A report laid out like a UN Secretary-General report (tests/unreport.py), about
    ``pages`` pages long."""
    repeats = max(1, (pages - 1) // 2)
    return unreport.build(pages_of_body=repeats)


def web_page(size: int = 1_000_000, seed: int = SEED) -> str:
    """An article page of about ``size`` bytes: navigation, a header, sections of the seed
    article's sentences, a sidebar and a footer, as a blog theme would wrap them."""
    rng = random.Random(seed)
    headings, sentences = article_parts()
    chrome = (
        "<header class='site-header'><nav class='menu'><a href='/'>Home</a> "
        "<a href='/about'>About</a> <a href='/topics'>Topics</a></nav></header>"
    )
    out = ["<html><head><title>A Generated Case Study</title></head><body>", chrome,
           "<main><article><h1>A Generated Case Study for Benchmarks</h1>"]  # fmt: skip
    length, part = 0, 0
    while length < size:
        part += 1
        for heading in headings:
            out.append(f"<h2>Part {part}: {html.escape(heading)}</h2>")
            for _ in range(rng.randint(2, 5)):
                text = html.escape(" ".join(rng.sample(sentences, rng.randint(2, 5))))
                out.append(f"<div class='entry'><p>{text}</p></div>")
                length += len(text) + 40
    related = "".join(f"<li><a href='/p{i}'>Post {i}</a></li>" for i in range(20))
    out.append(f"</article></main><aside class='sidebar'><h3>Related posts</h3><ul>{related}")
    out.append("</ul></aside><footer>© 2024 A Blog. All rights reserved.</footer></body></html>")
    return "\n".join(out)


def nested_page(depth: int = 100_000) -> str:
    return (
        "<html><body><article><h1>Deep</h1>" + "<div>" * depth + "Deep text."
        + "</div>" * depth + "<p>Tail paragraph.</p></article></body></html>"
    )  # fmt: skip
