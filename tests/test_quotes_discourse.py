"""Speakers outside the quote's sentence: gender learned from the text, pronouns, alternation."""

from __future__ import annotations

from kernpunkt.config import QuotesConfig
from kernpunkt.quotes import find_quotes, grammar
from kernpunkt.quotes.marks import mask, pair_marks
from kernpunkt.quotes.sentences import split_sentences
from kernpunkt.quotes.speakers import apposed_people, is_masked, learn_genders


def speakers(text: str) -> list[str | None]:
    """Return the speaker of every quote in `text`, None where unclear."""
    return [quote.speaker for quote in find_quotes(text)]


def test_role_nouns_in_apposition_give_each_surname_its_gender() -> None:
    text = (
        "Die Ortsvorsteherin Greta Pohl und der ehemalige Kämmerer Udo Brinck stritten. "
        "Frau Yıldız schwieg, Herr Sander nicht. Die Abgeordnete Ina Wolf kam später, "
        "Trainer Sven Noack gar nicht. Martin Kluth blieb zu Hause."
    )
    genders = learn_genders(apposed_people(text))
    assert genders == {
        "Pohl": "f",
        "Brinck": "m",
        "Yıldız": "f",
        "Sander": "m",
        "Wolf": "f",
        "Noack": "m",
    }


def test_surname_given_both_genders_keeps_neither() -> None:
    text = "Die Richterin Eva Bode und der Kläger Paul Bode stritten."
    assert learn_genders(apposed_people(text)) == {"Bode": "?"}


def test_she_after_a_man_and_a_woman_is_the_woman() -> None:
    text = (
        "Die Rektorin Karla Lenz und der Hausmeister Jörg Steffens streiten über die Heizung. "
        "Steffens verweist auf die Kosten. „Das Budget ist aufgebraucht.“\n\n"
        "Sie reagierte kühl: „Dann frieren eben die Kinder.“"
    )
    assert speakers(text)[-1] == "Karla Lenz"


def test_he_goes_to_the_man_named_in_a_pair_not_the_woman_who_spoke() -> None:
    text = (
        "Die Pilotin Mara Quandt und der Fluglehrer Bernd Hollmann erinnern sich an den Absturz. "
        "„Wir hatten Glück“, sagt Quandt.\n\nHollmann sieht das anders. Er spricht von "
        "„grober Fahrlässigkeit“."
    )
    assert speakers(text) == ["Mara Quandt", "Bernd Hollmann"]


def test_pronoun_reaches_a_person_named_only_in_an_object_apposition() -> None:
    text = (
        "Der Reeder Olaf Timm schweigt. Er ließ seine Sprecherin Doris Kemper antworten. "
        "„Wir prüfen den Vorfall“, sagte sie."
    )
    assert speakers(text)[-1] == "Doris Kemper"


def test_surname_the_tagger_reads_as_a_noun_still_interrupts_the_earlier_speaker() -> None:
    text = (
        "Die Moderatorin Ilka Specht und die Autorin Hanna Rauch stellten das Buch vor. "
        "„Es ist ein mutiges Buch“, sagte Specht.\n\nRauch lachte. „Das sagen alle.“"
    )
    assert speakers(text)[-1] != "Ilka Specht"


def test_description_after_a_pair_goes_to_the_person_of_its_gender() -> None:
    text = (
        "Der Landrat Ole Brenner und die Stadträtin Vera Quast eröffneten die Brücke. "
        "Quast lobte die Bauarbeiter. „Sie waren schneller als geplant.“\n\n"
        "Brenner dankte dem Land. „Ohne die Zuschüsse gäbe es die Brücke nicht“, sagte "
        "der CDU-Politiker."
    )
    assert speakers(text)[-1] == "Ole Brenner"


def test_age_description_goes_to_the_person_of_its_gender_not_the_last_speaker() -> None:
    text = (
        "Die Stürmerin Lea Kamp traf zweimal. Ihr Trainer Jan Vos war zufrieden. "
        "„Lea war heute nicht zu halten“, sagte Vos.\n\n"
        "„Ich hatte einfach Glück“, sagte die 24-Jährige."
    )
    assert speakers(text) == ["Jan Vos", "Lea Kamp"]


def test_role_of_someone_elses_office_gives_no_gender_to_that_person() -> None:
    text = (
        "Die Sprecherin von Minister Karl Huber und die Bürgermeisterin von Selb, Eva Kern, kamen."
    )
    assert learn_genders(apposed_people(text)) == {"Huber": "m", "Kern": "f"}


def test_pronoun_continues_the_main_clause_subject_not_a_person_in_a_dass_clause() -> None:
    text = (
        "Brandt äußerte sich zu den Meldungen, dass auch Vogt abgehört worden sei. "
        "„Das kann man nicht ausschließen“, sagte er."
    )
    assert speakers(text) == ["Brandt"]


def test_pronoun_continues_the_speaker_not_the_subject_of_his_reported_clause() -> None:
    text = (
        "Der Fraktionschef der Grünen, Karl Beck, kritisierte, Brandt versuche das Gericht zu "
        "umgehen. Mit dem Gesetz würden „die Grenzen verwischt“, sagte er der Zeitung."
    )
    assert speakers(text) == ["Karl Beck"]


def test_name_after_a_preposition_does_not_make_a_thing_someone_a_pronoun_refers_to() -> None:
    text = (
        "Der Juristin Eva Lenz gefällt der Vorschlag nicht. Der Krieg in Afghanistan habe "
        "anders gelegen. „Es gibt Grenzen“, sagt er."
    )
    assert speakers(text) != ["Der Krieg in Afghanistan"]


def test_name_joined_to_a_prepositional_phrase_is_not_the_subject_the_text_is_about() -> None:
    text = (
        "Der Kanzler sprach lange, sagte Nehammer.\n"
        "Mit Polen und Ungarn stünden zwei Länder vor dem Beitritt, erinnerte Nehammer. "
        "„Gleichzeitig haben Polen und Ungarn derzeit große Probleme.“"
    )
    assert speakers(text) in (["Nehammer"], [None])


def test_konjunktiv_ii_sentence_after_a_quote_reports_and_its_subject_does_not_speak() -> None:
    text = (
        "Die Kanzlerin Ute Brandt lobte die Mannschaft. „Sie haben gezeigt, was möglich ist“, "
        "sagte Brandt. Die Deutschen hätten den Aufbruch gespürt. „Wir haben ein neues Bild "
        "von Deutschland in die Welt getragen.“"
    )
    assert speakers(text) == ["Ute Brandt", "Ute Brandt"]


def test_article_opening_the_next_sentence_does_not_credit_the_quote_before() -> None:
    text = (
        "„Der Vorfall hat uns gewarnt“, teilt ein Sprecher der Firma Kolb mit. „Wir handeln.“ "
        "Das zuständige Bundesamt warnt dennoch vor weiteren Angriffen."
    )
    assert "Bundesamt" not in (speakers(text)[1] or "")


def test_phrase_after_the_verb_before_a_dass_clause_is_whom_it_was_told() -> None:
    text = (
        "Franz Weber, Verwalter der Heime, sagte der Kleinen Zeitung, dass es „einen "
        "Notfallplan“ gibt. Seit Samstag wurde die Belüftung abgeschaltet. „Wir lüfteten händisch.“"
    )
    assert speakers(text) == ["Franz Weber", "Franz Weber"]


def test_quantified_phrase_is_no_one_a_pronoun_refers_back_to() -> None:
    text = (
        "„Wir kaufen“, sagte Judy Lybke. Jeder Kunstschaffende kennt das Gefühl. "
        "„Da bin ich stolz gewesen“, sagt er."
    )
    assert speakers(text) == ["Judy Lybke", "Judy Lybke"]


def test_surname_the_tagger_reads_as_a_noun_is_who_the_next_quote_continues() -> None:
    text = (
        "„Wir spielen weiter“, sagte Murphy.\n"
        "Tonini raucht die letzte Zigarette nur zur Hälfte. „Den Verein gab es schon vor mir.“"
    )
    # the memory's guess; a name the tagger reads as a thing is too unsure to show
    guesses = [q.speaker for q in find_quotes(text, QuotesConfig(min_confidence=0.0))]
    assert guesses == ["Murphy", "Tonini"]


def test_noun_without_article_before_a_copula_is_a_predicate_not_a_speaker() -> None:
    text = (
        "Das Programm hat zehn Themen, erklärte Oliver Zille bei der Vorstellung. Hauptort des "
        "Festivals ist Leipzig. „Ich freue mich auf vier Tage.“"
    )
    assert speakers(text) == ["Oliver Zille"]


def test_person_named_after_a_neuter_noun_is_still_he_or_she() -> None:
    text = (
        "Das syrische Flüchtlingskind Hussain Besou gibt sein Debüt. „Das war schwer“, sagt "
        "Trainer Bernd Vökler. „Ich übe viel“, sagt Besou. Mit seiner Familie könne er nicht "
        "mehr spielen: „Das ist langweilig“, sagt er und lacht."
    )
    assert speakers(text) == ["Bernd Vökler", "Hussain Besou", "Hussain Besou"]


def test_quote_standing_as_a_heading_does_not_continue_the_speaker_before_it() -> None:
    text = (
        "„Die Streiks treffen uns hart“, sagt Pendlerin Katharina Wagner.\n"
        "„Einigt euch schnell“\n"
        "Die Tarifparteien verhandeln seit Wochen ohne Ergebnis."
    )
    assert speakers(text) == ["Katharina Wagner", None]


def test_quote_standing_as_a_heading_takes_the_speaker_of_the_quote_repeating_it() -> None:
    text = (
        "„Die Streiks treffen uns hart“, sagt Pendlerin Katharina Wagner.\n"
        "„Einigt euch schnell“\n"
        "Die Tarifparteien verhandeln seit Wochen. Der Unternehmer Robert Weiss appelliert an "
        "sie: „Einigt euch schnell, einigt euch vernünftig!“"
    )
    assert speakers(text) == ["Katharina Wagner", "Robert Weiss", "Robert Weiss"]


def test_possessive_before_a_speech_noun_names_its_owner() -> None:
    text = (
        "Die Tarifparteien verhandeln seit Wochen. Auch der Unternehmer Robert Weiss hofft auf "
        "ein Ende. Sein Appell an die Tarifparteien: „Einigt euch schnell!“"
    )
    assert speakers(text) == ["Robert Weiss"]


def test_generic_man_before_a_quote_is_resolved_to_no_one() -> None:
    text = (
        "„Wir verkaufen die Karten“, sagte der Fanclub-Chef Rachid Zeroual. Zum Preis kommen "
        "zwei Euro Aufschlag. Dass das Geld dem Verein fehlt, lässt man hier nicht gelten: "
        "„Die kriegen genug Geld.“"
    )
    assert speakers(text)[1] is None


def test_pronoun_skips_a_quoted_term_and_the_expletive_es_for_the_person_before() -> None:
    text = (
        "Konstantin Keesmann steht vor einem Zelt. Es ist der „Leuchtturm“ – sieht aber nicht "
        "aus wie einer. „Das ist ein Anlaufpunkt für die Bevölkerung“, erklärt er."
    )
    assert speakers(text) == ["Konstantin Keesmann"]


def test_words_masked_out_of_a_quote_are_no_one_with_or_without_an_article() -> None:
    assert is_masked("der XXXXXXXX –")
    assert is_masked("§§§§.")
    assert not is_masked("der Beauftragte")


def test_pronoun_finds_a_surname_the_tagger_reads_as_a_noun_after_its_first_name() -> None:
    # HanTa alone reads "Maaßen" as a plural noun; after "Hans-Georg" the text makes it a name
    text = (
        "Innenminister Horst Seehofer sprach mit Hans-Georg Maaßen über den Bericht. "
        'Seehofer sagte: "Ich vertraue ihm." '
        "Maaßen hatte mit Äußerungen in einer Zeitung eine heftige Debatte ausgelöst. "
        'Er hatte dem Blatt gesagt: "Die Skepsis wird von mir geteilt."'
    )
    assert speakers(text) == ["Horst Seehofer", "Maaßen"]


def test_surname_that_is_also_a_word_is_a_name_only_in_the_text_that_names_it() -> None:
    named = (
        "Der Verbandschef Frank Überall rief zu einer Mahnwache auf. "
        "„Journalismus ist kein Verbrechen“, meinte Überall damals."
    )
    assert speakers(named) == ["Frank Überall"]
    # the same words read on their own, in a text that names no Überall, hold no name
    assert grammar.holds_name("Überall") is False
    with grammar.reading(frozenset({"Überall"})):
        assert grammar.holds_name("Überall") is True


def test_surnames_come_after_first_names_not_after_owners_in_the_genitive() -> None:
    text = (
        "Die Familie von Lars Klingbeil wartet. Pjotr Wersilow ist krank; "
        "Wersilows Zustand ist ernst, sagte Anna Kothari."
    )
    assert grammar.surnames(text) == {"Klingbeil", "Wersilow", "Kothari"}


def test_apposition_ends_with_its_sentence_and_its_line() -> None:
    text = (
        "Der Sturm verursachte in Guangdong die schlimmsten Schäden. Drei Menschen starben.\n"
        "Die Suche nach der Gewalt\nIm März kam die Ministerin Eva Paul. "
        "Jana Ott ist Journalistin, Reporterin, Autorin."
    )
    assert [name for _, name, _ in apposed_people(text)] == ["Eva Paul"]


def test_sentence_glued_to_a_quote_without_a_space_is_a_sentence_of_its_own() -> None:
    text = (
        "Für Generalsekretär Lars Klingbeil ist das eine „erschreckende Verharmlosung“. "
        "Es sei eine Schande, „dass solche Leute im Parlament sitzen“.Die Fraktionschefin "
        "der Grünen, Katrin Göring-Eckardt, sprach von einem „Schlag ins Gesicht“."
    )
    assert speakers(text)[1:] == ["Lars Klingbeil", "Katrin Göring-Eckardt"]


def test_full_stop_without_a_space_ends_a_sentence_but_not_a_product_name() -> None:
    text = "Wir bleiben.Später kam er. Er nutzt Asp.Net und z.B. Node.js."
    masked = mask(text, pair_marks(text), set())
    assert [text[s:e] for s, e in split_sentences(masked)] == [
        "Wir bleiben.",
        "Später kam er.",
        "Er nutzt Asp.Net und z.B. Node.js.",
    ]
    words = [token.word for token in grammar.tag(masked, 0, len(masked))]
    assert words[:4] == ["Wir", "bleiben", ".", "Später"]
    assert "Asp.Net" in words


def test_reported_words_do_not_go_on_with_a_thing_that_was_a_source() -> None:
    text = (
        "Der Mann soll laut derzeitigem Ermittlungsstand in einer Moschee zu einem Anschlag "
        "aufgerufen haben.\nWann der Anschlag hätte stattfinden sollen, war zunächst offen. "
        "Innenminister Jan Vogt dankte allen Beteiligten. Der Fall belege die "
        'Leistungsfähigkeit der Behörden. Es sei "ein Anschlag verhindert" worden.'
    )
    assert speakers(text)[-1] in {None, "Jan Vogt"}


def test_she_refers_to_a_woman_named_after_an_adjectival_role_without_article() -> None:
    text = (
        "Verteidigungsminister Boris Pistorius besuchte die Truppe. Wehrbeauftragte Eva Högl "
        "sagte am Montag, die Truppe sei überlastet. „Wir brauchen mehr Personal“, sagte sie."
    )
    assert speakers(text) == ["Eva Högl"]


def test_she_after_a_chairwoman_without_article_is_not_the_company_before_her() -> None:
    text = (
        "Die Bäckereikette Krume will wachsen. Vorstandsvorsitzende Lena Roth sagte, die Preise "
        "blieben stabil. Allerdings fügte sie hinzu, dass es „eine lange Zeit dauert“."
    )
    assert speakers(text) == ["Lena Roth"]


def test_weak_masculine_role_without_article_stays_masculine() -> None:
    text = (
        "Die Ministerin Anna Berg reiste ab. Experte Jan Kluge blieb in Berlin. "
        "„Wir halten zusammen“, sagte er."
    )
    assert speakers(text) == ["Jan Kluge"]


def test_role_after_a_name_set_off_by_a_comma_gives_the_surname_its_gender() -> None:
    text = (
        "Anna Keller, Vorsitzende der SPD, kritisierte den Plan. Jan Ott, der frühere Sprecher "
        "der Stadt, schwieg. Das hegt laut eigenen Worten Peter Lohse, Präsident des Gerichts."
    )
    people = apposed_people(text)
    assert [(name, gender) for _, name, gender in people] == [
        ("Anna Keller", "f"),
        ("Jan Ott", "m"),
        ("Peter Lohse", "m"),
    ]


def test_role_after_a_thing_or_after_two_people_gives_no_gender() -> None:
    text = (
        "Die Polizei, Sprecherin der Stadt, sagte es. Anna Keller und Jan Ott, Abgeordnete der "
        "SPD, schwiegen."
    )
    assert apposed_people(text) == []


def test_he_goes_to_the_man_a_role_after_his_name_describes() -> None:
    text = (
        "Jan Ott, Vorsitzender der SPD, kritisierte den Plan. Anna Keller, Ministerin für "
        "Bildung, schwieg. „Das ist falsch“, sagte er."
    )
    assert speakers(text) == ["Jan Ott"]


def test_first_name_ending_like_a_feminine_role_gives_no_gender() -> None:
    assert apposed_people("Konstantin Keesmann steht vor dem Zelt.") == []


def test_reported_words_after_another_named_person_are_that_persons() -> None:
    text = (
        "Die Grünen-Chefin Lena Hartwig sagte dem Sender: „Das Gesetz kommt zu spät.“ Der "
        "Fraktionschef der Union, Bernd Kessler, verteidigte den Entwurf dagegen. Das Gesetz sei "
        "ein „solider Kompromiss für alle Beteiligten“."
    )
    assert speakers(text) == ["Lena Hartwig", "Bernd Kessler"]


def test_reported_pronoun_after_another_named_person_is_that_person() -> None:
    text = (
        "Moderatorin Petra Lindner fragte: „Ist das noch vertretbar?“ Sabine Kowalski "
        "positionierte sich danach deutlich. Sie kämpfe „wie eine Löwin“ für den Standort."
    )
    assert speakers(text) == ["Petra Lindner", "Sabine Kowalski"]


def test_reported_words_after_a_description_of_the_speaker_go_on_with_the_speaker() -> None:
    text = (
        "Bundesbank-Präsident Jens Ortmann warnte: „Die Inflation bleibt hoch.“ Der "
        "Bundesbank-Chef schloss eine Zinssenkung aus. Es sei „noch zu früh für eine Wende“."
    )
    assert speakers(text) == ["Jens Ortmann", "Jens Ortmann"]


def test_reported_words_after_a_participle_attribute_naming_someone_go_on_with_the_speaker() -> (
    None
):
    text = (
        "Minister Karl Brandt sagte: „Wir prüfen das.“ Die von Anna Seidel, der Präsidentin "
        "des Reederverbands, vorgelegte Studie liegt seit Montag vor. Die Häfen "
        "seien „zu langsam bei der Digitalisierung“."
    )
    assert speakers(text) == ["Karl Brandt", "Karl Brandt"]


def test_words_announced_with_a_colon_are_the_announcers_though_a_statement_is_named_after() -> (
    None
):
    text = (
        "Der Gewerkschafter Jan Korte sagte: „Das ist ein Skandal.“ Der Autobauer Velotec hielt "
        "auf Anfrage dagegen: „Wir sind solche Vorwürfe gewöhnt“, hieß es in einer Stellungnahme."
    )
    korte, company = speakers(text)
    assert korte == "Jan Korte"
    assert company is not None and company.endswith("Velotec")


def test_body_after_the_verb_of_a_clause_opened_by_das_is_what_the_sentence_is_about() -> None:
    text = (
        "Der Fahrer Jonas Keller sagte: „Ich bin unschuldig.“ Das ließ das Gericht nicht gelten. "
        "„Die Beweise sind eindeutig“, hieß es in der Urteilsbegründung."
    )
    keller, court = speakers(text)
    assert keller == "Jonas Keller"
    assert court is not None and court.endswith("Gericht")


def test_content_clause_in_konjunktiv_ii_is_the_speech_nouns_owners() -> None:
    text = (
        "Auslöser der Debatte waren Äußerungen des Behördenchefs Jan Weber, ihm lägen „keine "
        "belastbaren Informationen“ vor."
    )
    assert speakers(text) == ["Jan Weber"]


def test_quote_after_the_comma_closing_a_content_clause_is_the_main_clauses() -> None:
    text = (
        "Verbandschef Eckhard Harms nannte die Behauptung der Regierung, die Firmen würden den "
        "Krieg finanzieren, „unfair“."
    )
    assert speakers(text) == ["Eckhard Harms"]
