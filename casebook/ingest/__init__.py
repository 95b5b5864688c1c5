"""The ingest pipeline: an article file in, a validated case folder out.

The steps run in this order, each module using only those before it:

- ``source``: check the input file (size, binary, encoding, format) and decode it;
- ``readers`` (plain text, Markdown) and ``htmlreader`` (HTML): turn it into ``blocks``;
- ``bylines`` and ``boilerplate``: sort out what is not body text;
- ``article``: the reading of one article, labelled, with its metadata;
- ``sectionfiles``: draft the sections and the text of the case's files;
- ``pipeline``: run it all for ``python -m casebook ingest``, write to a temporary folder,
  validate, then move it into place; ``progress`` draws its bar;
- ``convert``: the seed article through the same reading (``python -m casebook convert``).
"""
