"""tests.submitted: the data read from a rendered form is what a browser posts for it."""

from tests.submitted import submitted

PAGE = """
<form data-testid="search"><input name="q" value="porcelán"></form>
<form method="post" data-testid="edit">
  <input type="hidden" name="version" value="3">
  <input type="text" name="title" value="Noční fárání">
  <input type="date" name="date" value="2019-12-31">
  <input type="date" name="due" value="31.12.2019">
  <input type="time" name="time">
  <input type="number" name="budget" value="150000.50">
  <input type="number" name="pupils" value="1 200">
  <input type="checkbox" name="sample" checked>
  <input type="checkbox" name="weekdays" value="1" checked><input type="checkbox" name="weekdays" value="2">
  <input type="radio" name="kind" value="museum"><input type="radio" name="kind" value="mine" checked>
  <select name="month"><option value="1">leden</option><option value="2">únor</option></select>
  <select name="site"><option value="">---------</option><option value="7" selected>Krásno</option></select>
  <select name="topics" multiple><option value="1">turistika</option><option value="2" selected>sklo</option></select>
  <select name="empty" multiple><option value="1">nic</option></select>
  <textarea name="minutes">
Zápis
ze schůzky</textarea>
  <input type="text" name="locked" value="x" disabled>
  <input type="file" name="attachments">
  <button type="submit" name="action" value="save">Uložit</button>
</form>
"""


def test_submitted_reads_each_control_as_a_browser_posts_it():
    # A date picker cannot hold "31.12.2019", nor a number input "1 200": the browser sends nothing.
    data = submitted(PAGE, "edit")

    assert data == {
        "version": ["3"],
        "title": ["Noční fárání"],
        "date": ["2019-12-31"],
        "due": [""],
        "time": [""],
        "budget": ["150000.50"],
        "pupils": [""],
        "sample": ["on"],
        "weekdays": ["1"],
        "kind": ["mine"],
        "month": ["1"],
        "site": ["7"],
        "topics": ["2"],
        "minutes": ["Zápis\nze schůzky"],
    }


def test_submitted_reads_the_whole_page_without_a_form_named():
    assert submitted(PAGE)["q"] == ["porcelán"]
    assert "q" not in submitted(PAGE, "edit")
