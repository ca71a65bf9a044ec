"""Import of organisations (and a contact per row) from CSV and XLSX.

The pipeline is split so that every step but the last is pure and testable on its own:

- ``reading``: bytes → header, rows, encoding, delimiter (or a ``FileProblem`` saying what to do);
- ``mapping``: which target field each file column feeds, guessed from Czech, English and German
  headers;
- ``validation``: rows → cleaned values, or errors naming row, column, value and reason;
- ``applying``: the writes, in one transaction, with audit entries;
- ``batches``: the uploaded file kept between the steps (``ImportBatch``) and the actions on it.
"""
