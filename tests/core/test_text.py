from inducult.core.text import fold, normalised_name, search_key, search_terms, split_tags


def test_fold_strips_czech_and_german_diacritics():
    assert fold("Porcelán Žatec ŘÍČANY Müller Straße") == "porcelan zatec ricany muller strasse"


def test_normalised_name_ignores_legal_form_case_and_punctuation():
    assert normalised_name("Thun 1794 a.s.") == normalised_name("THUN 1794, a. s.") == "thun 1794"
    assert normalised_name("MAS Sokolovsko o.p.s.") == "mas sokolovsko"


def test_normalised_name_keeps_distinct_names_distinct():
    assert normalised_name("Muzeum Sokolov") != normalised_name("Muzeum Nejdek")


def test_search_terms_are_folded_and_split():
    assert search_terms("  Porcelán  Loket ") == ["porcelan", "loket"]


def test_search_key_skips_empty_parts():
    assert search_key("Muzeum", None, "", "Krásno") == "muzeum | krasno"


def test_split_tags_trims_drops_empty_and_dedupes_ignoring_case_and_accents():
    assert split_tags(" Prohlídky, prohlidky ,,  guided   tours ,Shop") == ["Prohlídky", "guided tours", "Shop"]


def test_split_tags_of_empty_text_is_empty_list():
    assert split_tags("") == []
