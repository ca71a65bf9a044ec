"""Multi-row INSERTs for large imports, portable between SQLite and PostgreSQL.

bulk_create builds a model instance and compiles every value of every row through the ORM, which
made 100,000 rows (with their contacts and audit entries) take minutes. Here each column's value
is prepared once by its field's own ``get_db_prep_save`` only where the database needs a
conversion (decimals, dates, JSON, lists), and rows go in as ``INSERT … VALUES (…), (…)
RETURNING id`` — the same statement and the same reliance on the order of returned ids as
bulk_create on both databases.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import partial
from typing import Any

from django.db import connection, models
from django.utils import timezone

from inducult.core.fields import DelimitedListField

MAX_ROWS_PER_STATEMENT = 2000
_CONVERTED = (models.DecimalField, models.JSONField, models.DateField, models.DateTimeField, DelimitedListField)


class Inserter:
    """Inserts dicts keyed by field attname; missing fields get the model's defaults."""

    def __init__(self, model: type[models.Model]):
        self.model = model
        self.fields = [f for f in model._meta.concrete_fields if not f.primary_key]
        now = timezone.now()
        self.plan = []  # (attname, default ready for the database)
        self.converted = []  # (position, attname, converter) for fields the database needs converted
        for position, f in enumerate(self.fields):
            auto = getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
            default = now if auto else f.get_default()
            if isinstance(f, _CONVERTED):
                convert = partial(f.get_db_prep_save, connection=connection)
                self.converted.append((position, f.attname, convert))
                default = convert(default) if default is not None else None
            self.plan.append((f.attname, default))
        quote = connection.ops.quote_name
        self.table = quote(model._meta.db_table)
        self.columns = ", ".join(quote(f.column) for f in self.fields)
        self.pk = quote(model._meta.pk.column)
        limit = connection.features.max_query_params or 65535
        self.rows_per_statement = max(1, min(MAX_ROWS_PER_STATEMENT, limit // len(self.fields)))

    def _values(self, row: Mapping[str, Any]) -> list[Any]:
        values = [row.get(attname, default) for attname, default in self.plan]
        for position, attname, convert in self.converted:
            value = row.get(attname)
            if value is not None:
                values[position] = convert(value)
        return values

    def insert(self, rows: Iterable[Mapping[str, Any]], *, returning: bool = False) -> list[int]:
        rows = list(rows)
        if not rows:
            return []
        if connection.vendor == "postgresql":
            return self._copy(rows, returning)
        return self._values_insert(rows, returning)

    def _values_insert(self, rows: list[Mapping[str, Any]], returning: bool) -> list[int]:
        ids: list[int] = []
        one = "(" + ", ".join(["%s"] * len(self.fields)) + ")"
        with connection.cursor() as cursor:
            for start in range(0, len(rows), self.rows_per_statement):
                chunk = rows[start : start + self.rows_per_statement]
                # Identifiers come from model metadata, quoted by the backend; every value is a parameter.
                sql = f"INSERT INTO {self.table} ({self.columns}) VALUES {', '.join([one] * len(chunk))}"  # noqa: S608
                if returning:
                    sql += f" RETURNING {self.pk}"
                params = [value for row in chunk for value in self._values(row)]
                cursor.execute(sql, params)
                if returning:
                    ids.extend(r[0] for r in cursor.fetchall())
        return ids

    def _copy(self, rows: list[Mapping[str, Any]], returning: bool) -> list[int]:
        """PostgreSQL: reserve the ids from the table's sequence, then COPY the rows with them.

        psycopg binds a huge multi-row INSERT on the client, parsing its text in Python, which made
        it several times slower than on SQLite; COPY streams the rows instead.
        """
        ids: list[int] = []
        columns = self.columns
        with connection.cursor() as cursor:
            if returning:
                cursor.execute(
                    "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                    [self.model._meta.db_table, self.model._meta.pk.column, len(rows)],
                )
                ids = [r[0] for r in cursor.fetchall()]
                columns = f"{self.pk}, {columns}"
            with cursor.cursor.copy(f"COPY {self.table} ({columns}) FROM STDIN") as copy:
                if returning:
                    for pk, row in zip(ids, rows, strict=True):
                        copy.write_row([pk, *self._values(row)])
                else:
                    for row in rows:
                        copy.write_row(self._values(row))
        return ids
