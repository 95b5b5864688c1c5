"""The ingest pipeline: an article file in, a validated case folder out.

The steps run in this order, each module using only those before it:

- ``source``: check the input file (size, binary, encoding, format) and decode it;
  ``fetch``: the same for a link (http(s), timeouts, size, redirects, content type);
- ``readers`` (plain text, Markdown, with ``tables``) and ``htmlreader`` (HTML, with
  ``htmlstack``; ``maintext`` lets trafilatura say which blocks are the article):
  turn it into ``blocks``; ``pdflines``, ``pdflayout`` and ``pdfreader`` do it for a PDF;
- ``bylines`` and ``boilerplate``: sort out what is not body text;
- ``article``: the reading of one article, labelled, with its metadata;
- ``sectionfiles``: draft the sections and the text of the case's files;
- ``pipeline``: run it all for ``python -m casebook ingest``, write to a temporary folder,
  validate, then move it into place; ``progress`` draws its bar;
- ``web``: the same pipeline for the browser's "Add an article" page;
- ``convert``: the seed article through the same reading (``python -m casebook convert``).
"""
