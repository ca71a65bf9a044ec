"""Import of organisations and contacts from CSV/XLSX (views; the work is in network.services.importing).

Upload → preview (mapping + dry run, nothing written) → run (one transaction). Every step runs
within the request: reading and validating 100,000 rows takes seconds, so no task queue is needed;
the upload itself shows its progress in the browser (static/js/import.js).
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import FormView, View

from inducult.network.forms import MappingForm, RunForm, UploadForm
from inducult.network.models import ImportBatch
from inducult.network.services.importing import batches
from inducult.network.services.importing.mapping import TARGETS
from inducult.network.services.importing.reading import DELIMITER_NAMES, FileProblem
from inducult.regions.views import RegionMixin

SHOWN_ERRORS = 500
SAMPLE_ROWS = 5
RECENT_BATCHES = 20


class ImportUploadView(RegionMixin, FormView):
    rule = "network.import"
    template_name = "network/import/upload.html"
    form_class = UploadForm

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["recent"] = ImportBatch.objects.filter(region=self.region).select_related("created_by")[:RECENT_BATCHES]
        context["max_size"] = settings.INDUCULT_IMPORT_MAX_BYTES
        context["targets"] = TARGETS.values()
        return context

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        try:
            batch = batches.start_batch(
                region=self.region,
                actor=self.request.user,
                file_name=upload.name,
                data=upload.read(),
                encoding=form.cleaned_data["encoding"],
            )
        except FileProblem as problem:
            form.add_error("file", problem.message)
            return self.form_invalid(form)
        return redirect("network:import_preview", self.region.slug, batch.pk)


class BatchMixin(RegionMixin):
    rule = "network.import"

    def get_batch(self) -> ImportBatch:
        return get_object_or_404(ImportBatch, pk=self.kwargs["pk"], region=self.region)


class ImportPreviewView(BatchMixin, FormView):
    """The mapping and the dry run; for a finished import, its result."""

    template_name = "network/import/preview.html"

    def dispatch(self, request, *args, **kwargs):
        self.preview = self.problem = None
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        self.batch = self.get_batch()
        if self.batch.status == ImportBatch.Status.IMPORTED:
            return self.render_to_response(self.get_context_data())
        try:
            self.preview = batches.preview(self.batch)
        except FileProblem as problem:
            self.problem = problem.message
            return self.render_to_response(self.get_context_data())
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.batch = self.get_batch()
        if self.batch.status == ImportBatch.Status.IMPORTED:
            messages.error(request, _("This file has already been imported."))
            return redirect(self.preview_url())
        try:
            self.preview = batches.preview(self.batch)
        except FileProblem as problem:
            self.problem = problem.message
            return self.render_to_response(self.get_context_data())
        return super().post(request, *args, **kwargs)

    def preview_url(self) -> str:
        return reverse("network:import_preview", args=[self.region.slug, self.batch.pk])

    def get_form(self, form_class=None):
        if self.preview is None:
            return None
        table = self.preview.table
        first = table.rows[0][1] if table.rows else []
        return MappingForm(
            **self.get_form_kwargs(),
            columns=table.columns,
            samples=first,
            mapping=self.preview.mapping,
            is_csv=table.file_type == "csv",
        )

    def get_initial(self):
        return {"encoding": self.batch.encoding_choice}

    def form_valid(self, form):
        try:
            batches.save_mapping(
                batch=self.batch,
                actor=self.request.user,
                mapping=form.mapping(),
                encoding=form.cleaned_data.get("encoding", self.batch.encoding_choice),
            )
        except FileProblem as problem:
            form.add_error("encoding", problem.message)
            return self.form_invalid(form)
        return redirect(self.preview_url())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(batch=self.batch, problem=self.problem, preview=self.preview)
        if self.preview is not None:
            table, outcome = self.preview.table, self.preview.outcome
            invalid_rows = {e.row for e in outcome.errors} if outcome else set()
            context.update(
                table=table,
                delimiter_name=DELIMITER_NAMES.get(table.delimiter, ""),
                sample=[(n, cells, n in invalid_rows) for n, cells in table.rows[:SAMPLE_ROWS]],
                outcome=outcome,
                shown_errors=[str(e) for e in outcome.errors[:SHOWN_ERRORS]] if outcome else [],
                more_errors=max(0, len(outcome.errors) - SHOWN_ERRORS) if outcome else 0,
            )
        return context


class ImportRunView(BatchMixin, View):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        batch = self.get_batch()
        form = RunForm(request.POST)
        form.is_valid()
        only_valid = form.cleaned_data.get("only_valid", False)
        try:
            counts = batches.run_import(
                batch=batch,
                actor=request.user,
                only_valid=only_valid,
                expected_valid=form.cleaned_data.get("expected_valid") if only_valid else None,
            )
        except batches.ImportRefused as refused:
            messages.error(request, refused.message)
        else:
            messages.success(
                request,
                _("Import finished: %(created)s created, %(updated)s updated, %(skipped)s skipped.") % counts,
            )
        return redirect("network:import_preview", self.region.slug, batch.pk)
