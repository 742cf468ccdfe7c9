"""German knowledge as data: word lists, verb forms, regular expressions and limits.

Also the word tests built straight on them (capitalised, abstract, head noun, speech verb,
adjective).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

SENTENCE_PUNCT = ".!?…"

# --- lexicons --------------------------------------------------------------------------------

# Regular speech verbs as stems; endings and the ge- participle are added by WEAK_VERB_RE.
WEAK_SPEECH_STEMS = (
    "sag erklär beton warn kritisier bezeichn äußer twitter bekräftig versicher ergänz forder "
    "vermeld frag antwort bestätig kommentier begründ verkünd mahn appellier schilder erzähl "
    "zitier skandier argumentier behaupt bilanzier resümier konstatier beteuer urteil klag beklag "
    "würdig bemängel bezweifel glaub hoff informier erinner prophezei prognostizier folger "
    "konter bedauer verurteil protestier dementier präzisier relativier spekulier schimpf "
    "kündig lob entgegn erwider räsonier postet betitel attestier monier meld bericht "
    "ausdrück unterstell vorhalt zusicher einschätz rechtfertig versicher beschwer "
    "befürcht fürcht vermut"
).split()
# Forms of speech verbs whose lemma says too much ("sehen", "halten", "wissen"; "genannt" names
# rather than quotes) or that the
# tagger takes for something else ("bekannte", "gesteht"); every other form is found by its
# lemma in SPEECH_LEMMAS.
SPEECH_VERB_FORMS = frozenset(
    (
        "dachte denkt hält hielt sieht sah wusste weiß warf wirft riet rieten rät "
        "bekannte gesteht vereinbarte vereinbarten hinzufügen nannte nannten nennt nennen"
    ).split()
)
# Lemmas of speech, opinion and writing verbs: one entry covers every inflected form.
SPEECH_LEMMAS = frozenset(
    (
        "sagen erklären betonen warnen kritisieren bezeichnen äußern twittern bekräftigen "
        "versichern ergänzen fordern fragen antworten bestätigen kommentieren begründen verkünden "
        "mahnen appellieren schildern erzählen zitieren behaupten beteuern klagen beklagen "
        "bemängeln bezweifeln hoffen erinnern kontern bedauern verurteilen protestieren "
        "dementieren schimpfen loben entgegnen erwidern schreiben sprechen rufen versprechen "
        "widersprechen gestehen meinen unterstreichen berichten melden stöhnen seufzen jubeln "
        "jammern flüstern schreien murren spotten witzeln folgern resümieren bilanzieren "
        "konstatieren präzisieren relativieren drängen insistieren posten beschreiben "
        "verweisen bekennen vorwerfen beurteilen mitteilen ausführen hinzufügen ankündigen "
        "bekanntgeben zusagen feststellen klarstellen hinweisen einräumen vortragen zusichern "
        "zurückweisen einstufen werten vereinbaren zugeben erläutern beanstanden bestreiten "
        "leugnen empfehlen plädieren wettern poltern lästern scherzen beschwören schwärmen"
    ).split()
)
# shorter lowercase words are no speech verb ("sagt" is the shortest form)
MIN_VERB_LENGTH = 4
# Speech verbs whose subject passes on someone else's words: the speaker is their object ("Die
# Zeitung zitiert den Minister mit den Worten: „…“").
QUOTING_LEMMAS = frozenset({"zitieren"})
# Separable verbs count with their particle: "merkt … an", "gibt … zu bedenken".
PARTICLE_LEMMAS = frozenset(
    {
        ("merken", "an"),
        ("teilen", "mit"),
        ("führen", "aus"),
        ("fügen", "hinzu"),
        ("geben", "bekannt"),
        ("geben", "zu"),
        ("stellen", "klar"),
        ("stellen", "fest"),
        ("weisen", "hin"),
        ("räumen", "ein"),
        ("kündigen", "an"),
        ("sichern", "zu"),
        ("tragen", "vor"),
        ("halten", "entgegen"),
        ("werfen", "vor"),
        ("wenden", "ein"),
    }
)
# "zeigt sich überzeugt", "gab sich zuversichtlich": a reflexive verb and a stance.
REFLEXIVE_LEMMAS = frozenset({"zeigen", "geben", "äußern"})
# Speech verbs that state a view rather than an utterance ("sieht X als Y", "hält X für Y").
OPINION_VERB_FORMS = frozenset(
    "sieht sah hält hielt glaubt glaubte glaubten meint meinte meinten denkt dachte".split()
)
# "nennt sich", "nennt man": naming, not speech.
NAMING_VERBS = frozenset({"nannte", "nannten", "nennt", "nennen"})
# "nicht näher bezeichnete Probleme": a participle as adjective ("unspecified"), not speech.
UNSPECIFIED = "näher"
# Separable speech verbs: finite stem forms that count only with their particle in the clause.
SEPARABLE_SPEECH = {
    "teilte teilt teilten": "mit",
    "führte führt führten": "aus",
    "fügte fügt fügten": "hinzu",
    "gab gibt gaben": "bekannt zu an",
    "stellte stellt stellten": "klar fest dar",
    "wies weist wiesen": "hin zurück",
    "räumte räumt räumten": "ein",
    "merkte merkt": "an",
    "prangerte prangert prangerten": "an",
    "strich streicht": "heraus",
    "zeigte zeigt zeigten": "sich",
    "brachte bringt": "Ausdruck",
    "drückte drückt drückten": "aus",
    "sicherte sichert sicherten": "zu",
    "trug trägt trugen": "vor",
    "geht gehen ging gingen": "davon",
    "rechnet rechnete rechnen rechneten": "damit",
    "nahm nimmt nahmen": "Stellung",
    "will wollen wollte wollten": "wissen",
}
# Nouns for what someone said ("mit den Worten"); the -ung nouns of speech verbs ("Ankündigung")
# need no entry (`is_speech_noun`).
SPEECH_NOUNS = frozenset(
    (
        "Worte Worten Wort Aussage Aussagen Zitat Pressemitteilung Stellungnahme Kritik Angaben "
        "Ansicht Einschätzung Darstellung Darstellungen Auffassung Interview Rede Appell Aufruf "
        "Vorwurf Vorwürfe Botschaft Tweet Antwort Kommentar Fazit Bilanz Parole Parolen Slogan "
        "Sprüche Spruch Schlagzeile Pressekonferenz Schreiben Brief Bekenntnis Fragen Frage "
        "Einwand Bekunden Stellung These Äußerungen Mitteilungen"
    ).split()
)
# A singular -ung noun and its stem; a compound's last part follows a hyphen or a linking "s".
SPEECH_NOUN_RE = re.compile(r"(\w[\w-]*?)ung")
COMPOUND_LINKS = ("-", "s")
SPEAKER_ROLE_RE = re.compile(r"(?:sprecher|sprecherin)$", re.IGNORECASE)
# Frames whose speaker follows a preposition: "laut X", "nach Angaben von X", "X zufolge".
LAUT = frozenset({"laut", "Laut"})
# A parenthesis opening with one of these cites where a quote was taken from, not who said it
# ("(Zitate aus der Klageschrift laut Spiegel)").
CITATION_WORDS = frozenset({"Zitat", "Zitate", "Quelle"})
NACH = frozenset({"nach", "Nach"})
# "aus Sicht der Partei", "Aus Sicht Lauterbachs": whose view, as "nach Ansicht" says it.
AUS = frozenset({"aus", "Aus"})
AUS_NOUNS = frozenset({"Sicht"})
# Frames that name who passed words on ("laut X", "X zufolge").
SOURCE_KINDS = frozenset({"laut", "zufolge"})
# Frames that name the speaker of reported speech in their own sentence.
OWN_FRAME_KINDS = frozenset({"verb", "laut", "zufolge", "nach", "so", "view", "own"})
NACH_NOUNS = frozenset(
    "Angaben Ansicht Meinung Worten Aussage Aussagen Einschätzung Darstellung Darstellungen "
    "Auffassung Informationen Berichten Überzeugung Schätzung Schätzungen Einschätzungen "
    "Ankündigung Bewertung Auskunft Erkenntnissen Idee Vorstellung Vorstellungen Bekunden".split()
)
# Documents that, after "nach dem", are the source of what follows ("Nach dem Bericht ist …").
NACH_DOCUMENTS = frozenset(
    "Artikel Bericht Gesetz Gesetzentwurf Entwurf Urteil Vertrag Beschluss Papier Gutachten "
    "Protokoll Dokument Schreiben Brief Memo Statut".split()
)
# "die Churchill zugeschriebene Weisheit": words ascribed to the person named before it.
ASCRIBED_RE = re.compile(r"zugeschrieben(?:e|en|er|es)?")
# "nach eigenen Angaben": the clause subject's own account.
OWN = frozenset({"eigenem", "eigenen", "eigener"})
ZUFOLGE = "zufolge"
OPINION_FOR = "Für"
# Copulas that make "Für X …" someone's view when they judge something.
COPULAS = frozenset("ist sind war waren".split())
# "sein" has a Konjunktiv I of its own.
SEIN_KONJUNKTIV = frozenset({"sei", "seiest", "seien"})
# Konjunktiv-II forms (third person): reported speech too, inside a run of Konjunktiv I
# ("Nun habe er versucht, … Dies hätten die Beamten verhindert"). The modal verbs keep the
# umlaut of their infinitive, so their forms are listed; other verbs' are told by the lemma.
KONJUNKTIV_II_FORMS = frozenset("könnte könnten müsste müssten dürfte dürften".split())
UMLAUTS = frozenset("äöü")
DETERMINERS = frozenset(
    (
        "der die das des dem den ein eine einer eines einem einen sein seine seiner seines "
        "seinem seinen ihr ihre ihrer ihres ihrem ihren dieser diese dieses diesem diesen "
        "jener jene zahlreiche mehrere einige viele beide alle kein keine dessen deren"
    ).split()
)
# Articles that cannot open a subject: a clause opening with them puts its subject after the verb.
POSSESSIVES = frozenset(
    "sein seine seiner seines seinem seinen ihr ihre ihrer ihres ihrem ihren".split()
)
# A possessive stands for a person like the pronoun: "seiner Meinung nach" is his view.
POSSESSIVE_PRONOUNS = {word: "er" if word.startswith("s") else "sie" for word in POSSESSIVES}
# Endings of nouns that are always plural ("Äußerungen", "Mönche" is not recognisable).
PLURAL_SUFFIXES = ("ungen", "heiten", "keiten", "innen", "ionen", "schaften", "nisse")
NON_NOMINATIVE = frozenset("Den Dem Einen Einem Diesen Diesem Seinen Seinem Ihren Ihrem".split())
# Words joining two verbs that share one subject ("befand X … und nannte …").
COORDINATORS = frozenset({"und", "sowie", "oder"})
# Conjunctions standing before a main clause's first field ("Doch Meier sagte …").
FIELD_EXTERNAL = frozenset({"und", "aber", "doch", "denn", "oder", "sondern"})
GENITIVE_LINKS = frozenset({"des", "der", "eines"})
# Words after which a quoted name tells whose the noun before is ("der Vertreter der „X“").
NAME_OWNERS = GENITIVE_LINKS | {"von"}
# Articles that open a new phrase after a noun, unlike the genitive "der" or "des".
OBJECT_ARTICLES = frozenset("die das den dem ein eine einen einem".split())
RELATIVE_PRONOUNS = frozenset(
    "der die das dem den deren dessen denen welche welcher welches welchem welchen".split()
)
NOMINATIVE_RELATIVES = frozenset("der die das welche welcher welches".split())
# Prepositions that continue a speaker phrase ("Ein Sprecher von Tesla"), and those that do
# only before a name ("Ein Regierungssprecher in Berlin", not "sagte X in einem Interview").
LINKS = frozenset({"des", "der", "von", "vom", "aus", "für", "und"})
NAME_LINKS = frozenset({"in", "im", "bei", "beim"})
# Times after "im" that date the statement, not place the speaker ("die Ministerin im Mai").
TIME_NOUNS = frozenset(
    "Januar Februar März April Mai Juni Juli August September Oktober November Dezember "
    "Frühjahr Sommer Herbst Winter Jahr Vorjahr Monat Vormonat Gespräch Interview".split()
)
# Nouns that make "in X" an idiom, not a place ("stellte X in Frage", "trat in Kraft").
IDIOM_NOUNS = frozenset("Frage Kraft Aussicht Ordnung Gefahr Sorge Haft Betrieb".split())
# Prepositions after which a mention names what the person belongs to ("Polat von den Grünen").
NAME_PREPOSITIONS = frozenset({"von", "vom", "aus", "für"}) | NAME_LINKS
PRONOUNS = frozenset({"er", "sie", "Er", "Sie", "man", "Man", "wir", "Wir", "ich", "Ich"})
# Pronouns that stand for someone: "man" names nobody.
PERSONAL_PRONOUNS = PRONOUNS - {"man", "Man"}
# "so letztere": a demonstrative that stands for one of two persons just named.
FORMER_LATTER = frozenset("letztere letzterer ersterer erstere Letztere Letzterer".split())
# "sagte dieser": a demonstrative standing alone for the person just named.
DEMONSTRATIVE_SUBJECTS = frozenset(
    "dieser diese Dieser letztere letzterer Letztere Letzterer".split()
)
# What a mention puts in parentheses ("Christian Wulff (CDU)") is no part of the name.
PARENTHESIS_RE = re.compile(r"\([^()]*\)")
# A name in brackets right after a quote's closing mark cites who said it ("„Ein Traum“ (Anja
# Becker)", "(Jean Cocteau, Autor)"): up to the first comma or the closing bracket; a label
# ("(Original: …)", "(Klangbad/Broken Silence)") is no name.
CITED_SOURCE_RE = re.compile(r"\s*\(([^(),:/\n]{2,60})[,)]")
MAX_CITED_WORDS = 4
# The cue of such a quote, as ":" is a colon's.
CITED_CUE = "("
# Lowercase words inside a name ("Ursula von der Leyen", "Heike van Laak"), and those of them
# that German does not also use to link a role to its owner ("der Sprecher von Tesla").
NAME_PARTICLES = frozenset({"von", "van", "de", "der", "da", "al", "bin", "zu", "ten", "ter"})
INNER_PARTICLES = NAME_PARTICLES - {"von", "der", "zu"}
# What separates the phrases of a text in which the person a demonstrative refers to is sought.
PHRASE_BREAK_RE = re.compile(r"[,;:.!?()–—„“”»«\"]")
OBJECT_PRONOUNS = frozenset("ihm ihnen uns mir dir euch sich es dazu dies".split())
FEMALE_PRONOUNS = frozenset({"sie", "Sie"})
MALE_PRONOUNS = frozenset({"er", "Er"})
FIRST_PERSON = frozenset({"ich", "Ich"})
# "Es weist den Vorwurf zurück": a neuter speaker (das Gericht, das Ministerium) opening a clause.
NEUTER_SUBJECT = "Es"
# The object pronouns a frame names its speaker with (the source of "hieß es von ihm", "von ihr";
# the quoted of "zitierte ihn"), and the gender they refer to.
SOURCE_PRONOUN_GENDERS = {"ihm": "m", "ihr": "f", "ihn": "m"}
# The gender a pronoun refers to, and the gender an article gives its phrase.
GENDERS = {
    **dict.fromkeys(FEMALE_PRONOUNS, "f"),
    **dict.fromkeys(MALE_PRONOUNS, "m"),
    **SOURCE_PRONOUN_GENDERS,
    NEUTER_SUBJECT: "n",
}
# Endings of abstract nouns, which cannot speak ("Die Entwicklung … verglich Merkel mit …"),
# and the bodies that can: the abstract ones ("die Bundesregierung erklärte") and the heads
# institutions' names end in ("das Landgericht", "das Innenministerium", "die Bundespolizei").
ABSTRACT_SUFFIXES = ("ung", "heit", "keit", "nis", "tät", "nahme")
SPEAKING_BODIES = (
    "regierung",
    "zeitung",
    "stiftung",
    "verwaltung",
    "vereinigung",
    "bewegung",
    "führung",
    "leitung",
    "universität",
    "mehrheit",
    "minderheit",
    "öffentlichkeit",
    "versammlung",
    "vertretung",
    "forschung",
    "gericht",
    "polizei",
    "ministerium",
    "behörde",
    "partei",
    "kommission",
    "organisation",
    "verband",
    "gewerkschaft",
    "agentur",
    "institut",
    "konzern",
    "fraktion",
    "staatsanwaltschaft",
    "amt",
)
DEFINITE_ARTICLES = frozenset("der die das des dem den".split())
# People who belong to what is named after them, besides the roles: "ein Vertreter der „X“".
OWNER_NOUN_RE = re.compile(r"(?:vertreter|mitglied|mitglieder|mitarbeiter|anhänger)(?:in)?$", re.I)
INDEFINITE_ARTICLES = frozenset("ein eine einen einem einer eines".split())
ARTICLES = DEFINITE_ARTICLES | INDEFINITE_ARTICLES
# Prepositions that follow their noun ("Dem Vernehmen nach", "Berichten zufolge").
POSTPOSITIONS = frozenset({"nach", "zufolge", "gegenüber", "entsprechend"})
# Descriptions that refer back to someone just named: "der 62-Jährige", "die SPD-Politikerin".
# ("der 23-jährige Sportler" is an adjective before its noun, not such a description)
EPITHET_RE = re.compile(r"(?:Jährige[rn]?|[Pp]olitiker(?:in)?)$")
# Endings of agent nouns ("Darsteller", "Moderatorin", "Kabarettist"): after a name in a
# compound ("Bean-Darsteller") they describe someone named before.
AGENT_ENDINGS = ("er", "erin", "or", "orin", "ist", "istin")
FEMININE_ENDING = "in"
# Articles that, inside a mention, open a genitive or dative phrase rather than a name.
OBLIQUE_ARTICLES = frozenset("des eines der einer dem einem".split())
# A feminine agent noun: a masculine agent's ending plus "-in" ("Sprecherin", "Präsidentin",
# "Anwältin", "Virologin"), which "Martin", "Berlin" or "Termin" are not.
FEMININE_AGENT_RE = re.compile(r"[^\W\d_]+(?:er|or|ent|ant|ist|og|om|at|ot|ef|ält|rzt|irt|eur)in$")
# Words and the punctuation between them, for reading role nouns in apposition to names.
APPOSITION_TOKEN_RE = re.compile(r"[^\W\d_][\w’'\-]*\.?|[^\w\s]")
# "die Bürgermeisterin von Lindau, Claudia Alfons": a place between role and name.
ROLE_PLACE_WORDS = frozenset({"von", "aus"})
ARTICLE_GENDERS = {"die": "f", "eine": "f", "der": "m", "ein": "m", "das": "n"}
# Nominative pronouns: right after a verb they are its subject ("bezeichnete er als").
NOMINATIVE_PRONOUNS = frozenset({"er", "man", "wir", "ich"})
# Pronouns only an object takes: "zitierte ihn der Sender" quotes him, not the broadcaster.
ACCUSATIVE_PRONOUNS = frozenset({"ihn", "mich", "dich", "uns", "euch"})
# After the finite verb of a clause whose prefield is an object, these are its subject.
SUBJECT_PRONOUNS = NOMINATIVE_PRONOUNS | {"sie"}
ADVERBIAL_SUFFIXES = ("lich", "weise", "end", "erweise")
PREPOSITIONS = frozenset(
    (
        "In Im Am An Nach Bei Beim Vor Auf Aus Mit Für Zu Zum Zur Über Unter Gegenüber Seit "
        "Während Wegen Trotz Angesichts Anlässlich Bezüglich Von Vom Durch Ohne Gegen Um Hinter "
        "Neben Zwischen Außer Laut Aufgrund Infolge Dank Statt"
    ).split()
)
LOWER_PREPOSITIONS = frozenset(word.lower() for word in PREPOSITIONS) | {"ins", "zum", "zur"}
TIME_PREPOSITIONS = frozenset({"am", "im", "beim"})
# Words after a comma that go on describing a clause-opening subject, up to its finite verb.
PREFIELD_LINKS = DETERMINERS | RELATIVE_PRONOUNS | LOWER_PREPOSITIONS
# Lowercase words after a comma that go on a subordinate clause rather than open the main one:
# "Wie X, der dabei war, dazu feststellte, …".
CLAUSE_CONTINUERS = PREFIELD_LINKS | OBJECT_PRONOUNS
# Words opening the content clause of a speech noun: "der Vorwurf, es/dass/ob/wonach …".
CONTENT_OPENERS = frozenset({"es", "dass", "ob", "wonach"})
# Words that name a speech noun's owner after it: "der Vorwurf der Opposition", "von X".
OWNER_PREPOSITIONS = frozenset({"von", "vom"})
# Prepositions before a source: "laut X", "nach Angaben von X".
SOURCE_PREPOSITIONS = frozenset(word.lower() for word in LAUT | NACH)
# Prepositions before a speaker: a source ("X zufolge" too) or the agent of a passive ("von X
# kritisiert", "seitens X", "durch X").
SPEAKER_PREPOSITIONS = SOURCE_PREPOSITIONS | OWNER_PREPOSITIONS | {ZUFOLGE, "seitens", "durch"}
OWNER_LINKS = GENITIVE_LINKS | OWNER_PREPOSITIONS
# Particles of separable verbs that close a clause: "gab die Erklärung ab, dass …".
VERB_PARTICLES = frozenset("vor an aus ab zu bei ein fest dar hin zurück mit".split())
# Prepositions that make a speech noun a point in time: "während einer Rede", "nach dem Interview".
TIME_LINKS = frozenset({"während", "Während", "beim", "Beim", "vor", "Vor", "seit", "Seit"})
SUBORDINATORS = frozenset(
    "Als Wenn Nachdem Weil Obwohl Während Da Bevor Seit Seitdem Sobald Falls Dass Ob Indem "
    "Sofern Solange Ehe".split()
)
# Capitalised words that open no noun phrase; the tagger tells the adverbs and pronouns
# (`grammar.is_not_noun`) except these, which it reads as nouns at a sentence's start.
NOT_NOUNS = PREPOSITIONS | SUBORDINATORS | frozenset({"Gestern", "Morgen", "Ferner"})
LOWER_STOPWORDS = frozenset(
    "aber oder über unter hinter immer sehr wieder wider sondern daher einer eine eines einem "
    "einen seine ihre dessen deren denen welche welcher welches wobei sowie gegenüber jedoch "
    "dass weil wenn ob wie der die das dem den".split()
)
# Finite auxiliaries and modals: they end like adjectives ("musste", "hatte") but end a phrase.
AUXILIARIES = frozenset(
    "hatte hatten habe haben würde würden wurde wurden werde werden wolle wollte wollten "
    "musste mussten müsse müssen sollte sollten solle sollen konnte konnten könne können "
    "durfte durften dürfe dürfen möchte möchten wäre wären".split()
)
# A clause opening with one of these is a question or a condition, its subject after the verb
# ("Hatte sie den Antrag eingebracht, so …").
FINITE_OPENERS = AUXILIARIES | COPULAS | frozenset("hat wird kann muss soll will darf".split())
# Subordinate clauses whose content is a circumstance, not someone's words ("…, wenn ein „…“
# besteht"): the main clause's subject is not the source of a quote inside them.
CIRCUMSTANCE_SUBORDINATORS = frozenset(
    "wenn falls sofern weil da obwohl bevor nachdem sobald damit".split()
)
WIE = frozenset({"wie", "Wie"})
# Articles and pronouns that open a sentence: after them "3." is a number, not an ordinal.
SENTENCE_OPENERS = frozenset("Der Die Das Ein Eine Er Sie Es Wir Ich Man".split())
# Words opening a sentence that credits the quote before it: "„…“ Das sagte X."
DEMONSTRATIVES = frozenset({"Das", "Dies", "Diese", "So"})
SKIPPABLE_OPENERS = frozenset({"Und", "Aber", "Doch", "Auch", "Denn", "Sogar", "Selbst"})
CLAUSE_PUNCTUATION = frozenset({",", ";", ":", "(", ")", "–"})
# Punctuation after a quote that makes it end a clause ("„…“, sagte er").
QUOTE_CLOSERS = frozenset({",", ";", ":", "–", "("})
ES_SOURCE_LINKS = frozenset({"in", "im", "auf", "aus", "von", "vom", "bei", "beim", "seitens"})
# Articles that make "in"/"auf" a direction ("auf die Rechte hingewiesen"), not a source.
ACCUSATIVE_ARTICLES = frozenset({"die", "das", "eine", "einen"})
PASSIVE_AUXILIARIES = frozenset({"wird", "wurde", "werden", "wurden"})
# A passive whose auxiliary follows the participle ("vereinbart werden", "gesagt worden").
PASSIVE_PARTICIPLE_AUXILIARIES = frozenset({"werden", "worden"})
# A past participle after a passive auxiliary: weak ("bezeichnet") or strong ("hingewiesen").
PARTICIPLE_RE = re.compile(r"\w+t|\w*ge\w{2,}en")
# Verbs that present written words, whose source is a place: "in dem Entwurf steht der Passus",
# "auf dem Transparent war … zu lesen", "in der Zeitung fand sich die Feststellung".
WRITTEN_VERBS = frozenset("steht stand standen stehen lesen finden findet fand fanden".split())
# The finite forms of "finden" present words only as "fand sich"; "lesen" and "finden" as "zu …".
REFLEXIVE_WRITTEN = frozenset("findet fand fanden".split())
INFINITIVE_WRITTEN = frozenset({"lesen", "finden"})
# "„X“ zu lesen", "„X“ zu sehen": the quoted words are what the sign or banner says.
READ_AFTER_RE = re.compile(r"\s*zu\s+(?:lesen|sehen)\b")
LOCATIVES = frozenset({"in", "im", "auf", "am", "an"})
# Adverbs that stand for the place written words are in ("Darauf war zu lesen: „…“").
PLACE_ADVERBS = frozenset({"Darauf", "Darin", "Dort", "Hierin", "Hierauf"})
# Words before a span after which even a capitalised span reads as speech ("nannte es einen „X“").
QUOTE_LEADS = frozenset("ein eine einen einem einer eines als".split())
# First- and second-person words: quoted words with one of them are someone's speech ("„Tut mir
# leid“"), not a name; titles of songs and books are caught before by the word naming them.
SPEAKER_WORDS_RE = re.compile(
    r"\b(?:ich|mir|mich|wir|uns|unsere?[mnrs]?|meine?[mnrs]?|dir|dich|euch|eure?[mnrs]?)\b",
    re.IGNORECASE,
)
# Speech verbs whose object is the wording itself ("warnte vor der „Kostenfalle“", "warfen ihr
# „Wortbruch“ vor"): a capitalised span they govern is a quote, not a name.
CONTENT_VERB_RE = re.compile(
    r"(?:ge)?(?:warn|konstatier|skandier|würdig|beklag|kritisier|verurteil|prangert?|mahn)"
    r"(?:e|en|et|t|te|ten)?|warf|warfen|wirft|vorgeworfen|versprach|versprachen|verspricht|"
    r"versprochen|rät|riet|rieten"
)
CONTENT_VERB_REACH = 8
# "warf der Regierung „Planlosigkeit“ vor", "hatten ihm „Wortbruch“ vorgeworfen": the verb
# (or its particle) closing the clause right after the span takes the span as its object.
CLOSING_CONTENT_VERBS = frozenset({"vor", "vorgeworfen", "vorwerfen", "vorzuwerfen"})
# Nouns that introduce wording, not a name, besides the speech nouns ("Sprüche wie „…“",
# "Parolen wie zum Beispiel „…“": `is_speech_noun`): a plural the speech nouns lack.
WORDING_NOUNS = frozenset({"Slogans"})
EXAMPLE_WORDS = frozenset({"wie", "etwa", "zum", "Beispiel"})
# Words right before a span that make it a name ("namens „X“", "Titel „X“").
TERM_MARKERS = frozenset(
    (
        "sogenannte sogenannten sogenannter sogenanntes genannte genannten genannter namens "
        "Namen Name Titel Motto Marke Aufschrift Stichwort"
    ).split()
)
NAME_FUNCTION_WORDS = frozenset(
    "der die das des dem den und für von vom ohne statt in im am an auf zu zum zur über unter "
    "mit & of the for and de la le y del dello della di da du e et to on at a in".split()
)
ROLE_RE = re.compile(
    r"(?:sprecher|minister|präsident|kanzler|chef|leiter|sekretär|direktor|vorsitzende|"
    r"abgeordnete|bürgermeister|experte|forscher|professor|anwalt|richter|trainer|gouverneur|"
    r"botschafter|kommissar|general|beauftragte|politiker|autor|analyst|ökonom|staatsanwalt|"
    r"regisseur|sänger|schauspieler|spieler|kandidat|senator|premier|könig|papst|bischof|"
    r"kardinal|manager|gründer|führer|vize|oberrabbiner|archäologe|journalist|"
    r"wissenschaftler|kritiker|rabbiner|pfarrer|arzt|ärztin|verteidiger|kommandeur|"
    r"sprecherin|ministerin|senatorin|fraktionschef|innenexperte|experte|vertreter)"
    r"(?:in|innen|e|en|er|r|s|n)?$",
    re.IGNORECASE,
)
TITLE_WORDS = frozenset({"Herr", "Frau", "Dr.", "Prof.", "Dr", "Prof", "Sir", "Lady"})
ABBREVIATIONS = frozenset(
    "Dr Prof Nr St bzw ca vgl Mio Mrd Jh Abs Art Hr Fr usw etc inkl evtl ggf Str z.B u.a "
    "d.h Jr Sr Mr Mrs Ms Co Inc Bd Kap".split()
)
# Abbreviations that stand for adverbs ("U.a. schrieb X", "z.B."): never a name, at any case.
ADVERB_ABBREVIATIONS = frozenset(a.lower() for a in ABBREVIATIONS if a[0].islower())

# --- regular expressions ---------------------------------------------------------------------

WORD_RE = re.compile(r"[^\W\d_](?:[\w’'.\-]*\w)?|\d(?:[\w.,\-]*\w)?|§+|[,;:()–]")
WEAK_VERB_RE = re.compile(
    r"(?:ge)?(?:" + "|".join(WEAK_SPEECH_STEMS) + r")(?:e|en|end|et|ete|eten|est|st|t|te|ten|"
    r"tet)?"
)
SEPARABLE_RES = tuple(
    (re.compile(forms.replace(" ", "|")), frozenset(particles.split()))
    for forms, particles in SEPARABLE_SPEECH.items()
)
WORD_ONLY_RE = re.compile(r"[^\W\d_][\w’'.\-]*\w|[^\W\d_]")
# A sentence ends at its punctuation before a capital; also where text copied from a page lost
# the space after it ("sitzen“.Die Fraktionschefin", "stellen.Spaltungen"; not "Asp.Net").
SENTENCE_END_RE = re.compile(
    r"(?<![.!?…])[.!?…]+\)?(?=\s+[\"„“»«(§X]?[A-ZÄÖÜ0-9§])"
    r"|(?:(?<=[”“\"»«§])|(?<=[a-zäöüß]{4}))[.!?]+(?=[A-ZÄÖÜ][a-zäöüß]{2})|\n+"
)
SPACE_RE = re.compile(r"\s+")
AGE_RE = re.compile(r"\d{1,3}")
DOTTED_NAME_RE = re.compile(r"[a-zäöü]+\.[a-zäöü]+")
HEISST_ES_RE = re.compile(r"\b(?:heißt|hieß|hiess|heisst)\s+es\b")
# The same frame with the verb last, in a subordinate clause: "in dem es heißt", "wie es im
# Bericht hieß".
ES_HEISST_RE = re.compile(r"\bes\s+(?:[\w.§]+\s+){0,5}?(?:heißt|hieß|hiess|heisst)\b")
# "war von X die Rede", also across a quote: "war von einem „…“ die Rede".
REDE_RE = re.compile(r"\b(?:war|ist|sei)\b(?:[^.§]{0,60}|\s+von\b[^.]{0,300}?)\bdie\s+Rede\b")
SO_FRAME_RE = re.compile(
    r"(?:^|[,–(]\s*|\s-\s+|§\s*)(so)\s+(?=[A-ZÄÖÜ]|der |die |das |ein|letzter|erster"
    r"|(?:von der|von|de|van|zu) [A-ZÄÖÜ])"
)
# What names something rather than quoting anyone: "nennt sich „X“", "die sich selbst „X“
# nennt", "das als „X“ bekannte Lager".
NAMES_ITSELF_RE = re.compile(
    r"\b(?:nenn\w*|nannte\w*)\s+(?:\w+\s+){0,2}?sich\s*$|\bsich\s+(?:selbst\s+)?$"
)
SELF_NAMING_AFTER_RE = re.compile(r"\s*(?:nenn|nann)\w*\b")
KNOWN_AS_AFTER_RE = re.compile(r"\s*bekannt\w*\b")
SO_GENANNT_RE = re.compile(r"\bso\s+genannt\w*\s*$|\bsogenannt\w*\s*$|\bnamens\s*$")
DOMAIN_RE = re.compile(r"^[\w\-.]+\.(?:de|com|net|org|at|ch|eu|info|uk|fr)$")
SENTENCE_TAIL_RE = re.compile(r"[^.!?:]*$")
# A sentence ending inside quoted words: "„Autonome in Bewegung. G8 angreifen“" is speech.
INNER_SENTENCE_RE = re.compile(r"[a-zäöüß]{2}[.!?]\s+[A-ZÄÖÜ]")
CLAUSE_TAIL_RE = re.compile(r"[^.!?:;,()„“”»«\"]*$")
# Nouns that introduce a name or title right after them: "das Magazin „X“", "der Grundsatz „X“".
TERM_NOUN_RE = re.compile(
    r"(?:zeitung|magazin|zeitschrift|blatt|sender|film|buch|roman|serie|sendung|album|lied|"
    r"song|organisation|partei|initiative|verein|firma|unternehmen|konzern|schiff|operation|"
    r"projekt|programm|kampagne|aktion|gesetz|studie|enzyklika|titel|motto|slogan|bündnis|"
    r"gruppe|marke|modell|typ|satellit|sonde|mission|kapsel|station|modul|stiftung|institut|"
    r"agentur|portal|plattform|website|webseite|spiel|oper|show|festival|grundsatz|begriff|"
    r"bezeichnung|name|namen|wort)(?:e?s|n)?$",
    re.IGNORECASE,
)
# A span followed by a verb without a comma is the subject: "Wie „heise online“ berichtet".
SUBJECT_NAME_RE = re.compile(r"\s+(?:berichtet|berichtete|meldet|meldete|schreibt|schrieb)\b")
NEXT_WORD_RE = re.compile(r"[\s,–]*([^\W\d_]+)")
ABBREVIATION_AFTER_RE = re.compile(r"\s*\(\s*[„\"“»«]?[A-ZÄÖÜ]{2,}")

NP_TOKEN_LIMIT = 24
WINDOW = 320
MAX_NAME_WORDS = 8
MAX_NAME_RUN = 4
MAX_APPOSITION_WORDS = 12
# Most words naming a speech noun's owner before its content clause ("der Vorwurf der X, …").
MAX_OWNER_WORDS = 8
# Most words between a subject after a comma and its speech word ("X sind jedoch der Ansicht").
PREFIELD_GAP = 4
DIRECT_MIN_WORDS = 3
# A lowercase quoted phrase this long is someone's wording even without a frame.
PHRASE_MIN_WORDS = 4
CONTINUATION_GAP = 3
PRONOUN_LOOKBACK = 30


def is_capitalised(word: str) -> bool:
    """Tell whether a token looks like a noun or a name ("Homepage", "documenta-Homepage")."""
    return word[:1].isupper() or word.rpartition("-")[2][:1].isupper()


def is_abstract(word: str) -> bool:
    """Tell whether a noun names a thing that cannot speak ("Entwicklung"), not a body."""
    lowered = word.lower()
    return lowered.endswith(ABSTRACT_SUFFIXES) and not lowered.endswith(SPEAKING_BODIES)


def head_noun(words: Sequence[str]) -> str:
    """Return the first word of a noun phrase that is neither an article nor an adjective."""
    return next(
        (
            word
            for word in words
            if word.lower() not in DETERMINERS and not is_adjective(word.lower())
        ),
        "",
    )


def is_speech_verb(word: str) -> bool:
    """Tell whether a word is a form of a speech verb: listed, or by its lemma ("stöhnte")."""
    if word in SPEECH_VERB_FORMS or WEAK_VERB_RE.fullmatch(word):
        return True
    if not word[:1].islower() or len(word) < MIN_VERB_LENGTH:
        return False
    # the grammar layer builds on this module, so it is reached at call time
    from kernpunkt.quotes.grammar import word_lemma

    return word_lemma(word) in SPEECH_LEMMAS


def is_speech_noun(word: str) -> bool:
    """Tell whether a noun names words someone said: listed, or the -ung noun of a speech verb
    ("Behauptung", "Regierungserklärung", "Merz-Äußerung")."""
    if word in SPEECH_NOUNS:
        return True
    match = SPEECH_NOUN_RE.fullmatch(word)
    if match is None:
        return False
    base = match.group(1).lower()
    stems = [base] + [
        base[at + 1 :] for at, char in enumerate(base) if char in COMPOUND_LINKS and at > 1
    ]
    return any(stem + ending in SPEECH_LEMMAS for stem in stems for ending in ("en", "n"))


def is_wording_noun(word: str) -> bool:
    """Tell whether a noun names a wording ("die Feststellung „…“", "Slogans wie „…“")."""
    return word in WORDING_NOUNS or is_speech_noun(word)


def is_konjunktiv_i(word: str) -> bool:
    """Tell whether a word is a third-person Konjunktiv I, the mood of reported speech.

    Its form is the verb's stem and "-e" ("sage", "handele", "ändere"; "sei", "seien"), so the
    tagger's lemma tells it for any verb; "ich sage" looks the same (`sentences.konjunktiv_verb`).
    """
    if word in SEIN_KONJUNKTIV:
        return True
    if not word.islower() or not word.endswith("e"):
        return False
    # the grammar layer builds on this module, so it is reached at call time
    from kernpunkt.quotes.grammar import word_lemma

    lemma = word_lemma(word)
    return lemma is not None and word == (lemma[:-1] if lemma.endswith("en") else lemma[:-1] + "e")


def is_konjunktiv_ii(word: str) -> bool:
    """Tell whether a word is a third-person Konjunktiv II ("wäre", "hätten", "stünden", "gäbe").

    Its form is the preterite stem with an umlaut its infinitive lacks and "-e" or "-en", so the
    tagger's lemma tells it; the present of "fährt" or "hält" ends otherwise.
    """
    if word in KONJUNKTIV_II_FORMS:
        return True
    if not word.islower() or not word.endswith(("e", "en")) or not UMLAUTS & set(word):
        return False
    from kernpunkt.quotes.grammar import word_lemma

    lemma = word_lemma(word)
    return lemma is not None and not UMLAUTS & set(lemma)


def is_opinion_verb(word: str) -> bool:
    """Tell whether a verb makes "Für X …" someone's view: Konjunktiv I or a judging copula."""
    return word in COPULAS or is_konjunktiv_i(word)


def is_adjective(word: str) -> bool:
    """Tell whether a lowercase token may be an inflected adjective or a number in a phrase."""
    if word[:1].isdigit():
        return True
    return (
        word[:1].islower()
        and len(word) > 3
        and word.endswith(("e", "en", "er", "es", "em"))
        and not is_konjunktiv_i(word)
        and word not in LOWER_STOPWORDS
        and word not in AUXILIARIES
        and word not in COPULAS
        and not is_speech_verb(word)
    )
