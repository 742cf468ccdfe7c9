"""Find quotes and their speakers in German news text, before translation.

One job: turn German text into `Quote` objects (who said what, where) and mark reported-speech
sentences with the speaker they continue. Pure Python and regular expressions, linear time.

How it works, in four passes over the text:
1. pair the quotation marks of the document's style with a stack;
2. split the text into sentences, ignoring everything inside quotes;
3. find speech frames per sentence (speech verbs and nouns, "laut X", "X zufolge", "seiner Ansicht
   nach", colons) and the speaker's noun phrase next to them; written words credit the place
   they stand in ("im Entwurf steht: „…“", "heißt es in dem Brief"), a passive speech verb
   ("wurde als „…“ bezeichnet") credits its agent or outlet, never its subject, and a speech
   noun that only dates the event ("während einer Rede") is no frame; "nach eigenem Bekunden"
   credits the clause subject. The speaker's mention keeps what describes it, as a reader
   names the speaker: a subject opening its clause runs up to the finite verb, appositions and
   relative clauses included ("Khan, einer der Abgeordneten, die …, sagte"), and a speaker
   elsewhere takes a relative clause after it unless that clause itself speaks;
4. walk the sentences in order: a marked span is a quote only inside a frame, after an attributed
   quote, in a Konjunktiv-I sentence that continues the last speaker, or when it is a lowercase
   phrase of several words or speaks in the first or second person (someone's wording, credited
   to the clause subject); otherwise it is a quoted term (a name, a title, a scare quote) and is
   dropped. A capitalised, name-like span counts as wording only with a signal of speech: a
   speech verb that takes it as its object ("warnte vor der „Kostenfalle“"), a noun for wording
   before it ("Parolen wie „…“"), a speech verb and comma right before it, or ", sagte X" after
   it. A quote standing alone takes the speaker of a next sentence that credits it ("„…“ Das
   sagte X."); a quote with no speaker of its own continues the last speaker, or the named
   person the previous sentence was about.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from kernpunkt.document import Quote, QuoteKind, Sentence

# --- quotation marks -------------------------------------------------------------------------

# Per style: opening marks and the marks that close them. Straight quotes are ambiguous and are
# resolved from their neighbours; every style also accepts them as a secondary style.
STYLES: dict[str, tuple[str, str]] = {
    "de": ("„", "“”"),
    "en": ("“", "”"),
    "guillemets_de": ("»", "«"),
    "guillemets_ch": ("«", "»"),
    "straight": ('"', '"'),
}
STRAIGHT = '"'
ALL_MARKS = '„“”»«"'
MARK_RE = re.compile(r"[„“”»«\"]")
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
    "ausdrück unterstell vorhalt zusicher einschätz rechtfertig versicher beschwer"
).split()
# Irregular and mixed forms of speech verbs, written out.
SPEECH_VERB_FORMS = frozenset(
    (
        "sprach sprachen spricht sprechen gesprochen schrieb schrieben schreibt schreiben "
        "geschrieben rief riefen ruft rufen gerufen nannte nannten nennt nennen "
        "beschrieb beschrieben beschreibt beschreiben unterstrich unterstrichen unterstreicht "
        "versprach verspricht versprochen widersprach widerspricht gestand gesteht meinte meinten "
        "meint verwies verweist bekannte bekennt dachte denkt hält hielt "
        "sieht sah wusste weiß warf wirft vorgeworfen vorwerfen beurteilte beurteilt "
        "mitgeteilt mitteilen ausgeführt hinzugefügt angekündigt bekanntgegeben zugesagt "
        "festgestellt klargestellt hingewiesen eingeräumt zitiert feststellt feststellte "
        "klarstellt klarstellte mitteilt mitteilte hinzufügt hinzufügte ausführt ausführte "
        "bekanntgab bekanntgibt hinweist hinwies vorgetragen zugesichert zurückgewiesen "
        "zurückweist zurückwies "
        "eingestuft einstuft einstufte einstuften gewertet wertete werteten "
        "vereinbart vereinbarte vereinbarten riet rieten rät einräumen hinzufügen klarstellen "
        "feststellen zugeben ankündigen"
    ).split()
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
    "nahm nimmt nahmen": "Stellung",
    "will wollen wollte wollten": "wissen",
}
# Nouns and frames that introduce speech ("mit den Worten", "Ankündigung").
SPEECH_NOUNS = frozenset(
    (
        "Worte Worten Wort Aussage Aussagen Äußerung Äußerungen Zitat Erklärung Mitteilung "
        "Pressemitteilung Stellungnahme Ankündigung Warnung Kritik Forderung Angaben Ansicht "
        "Meinung Einschätzung Darstellung Darstellungen Auffassung Interview Rede Appell Aufruf "
        "Vorwurf Vorwürfe Botschaft Tweet Antwort Begründung Kommentar Fazit Bilanz Parole "
        "Parolen Slogan Sprüche Spruch Schlagzeile Urteilsbegründung Mitteilungen Pressekonferenz "
        "Schreiben Brief Bekenntnis Fragen Frage Einwand Bekunden Stellung These Feststellung"
    ).split()
)
SPEAKER_ROLE_RE = re.compile(r"(?:sprecher|sprecherin)$", re.IGNORECASE)
# Frames whose speaker follows a preposition: "laut X", "nach Angaben von X", "X zufolge".
LAUT = frozenset({"laut", "Laut"})
NACH = frozenset({"nach", "Nach"})
# Frames that name the speaker of reported speech in their own sentence.
OWN_FRAME_KINDS = frozenset({"verb", "laut", "zufolge", "nach", "so", "view", "own"})
NACH_NOUNS = frozenset(
    "Angaben Ansicht Meinung Worten Aussage Aussagen Einschätzung Darstellung Darstellungen "
    "Auffassung Informationen Berichten Überzeugung Schätzung Schätzungen Einschätzungen "
    "Ankündigung Bewertung Auskunft Erkenntnissen Idee Vorstellung Vorstellungen Bekunden".split()
)
# "nach eigenen Angaben": the clause subject's own account.
OWN = frozenset({"eigenem", "eigenen", "eigener"})
ZUFOLGE = "zufolge"
OPINION_FOR = "Für"
# Verbs that make "Für X …" someone's view: Konjunktiv I, or a copula judging something.
COPULAS = frozenset("ist sind war waren".split())
# Konjunktiv-I forms (third person) that mark reported speech.
KONJUNKTIV_FORMS = frozenset(
    (
        "sei seien seiest habe werde könne müsse dürfe wolle solle möge wisse gebe stehe liege "
        "gehe komme bleibe brauche stelle halte lasse fehle sehe trage zeige gelte handle handele "
        "drohe führe mache bedeute reiche laufe falle hänge treffe nehme bringe finde erhalte "
        "arbeite plane verfüge wirke diene spiele zähle betrage koste entspreche existiere "
        "funktioniere verstoße lehne unterstütze befinde erwarte tue wachse sinke steige verliere "
        "gewinne beginne benötige verhindere ermögliche passe bestehe entstehe beziehe verlange "
        "fordere bestätige wünsche hoffe glaube denke meine wisse kenne gehöre sorge achte "
        "richte schade nütze helfe lebe sterbe töte kämpfe warte sitze schaffe suche rechne "
        "verdiene zahle investiere prüfe plane übernehme trete stimme setze lege biete"
    ).split()
)
OPINION_VERBS = KONJUNKTIV_FORMS | COPULAS
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
NON_NOMINATIVE = frozenset("Den Dem Einen Einem Diesen Diesem Seinen Seinem Ihren Ihrem".split())
# Words joining two verbs that share one subject ("befand X … und nannte …").
COORDINATORS = frozenset({"und", "sowie", "oder"})
GENITIVE_LINKS = frozenset({"des", "der", "eines"})
RELATIVE_PRONOUNS = frozenset(
    "der die das dem den deren dessen denen welche welcher welches welchem welchen".split()
)
NOMINATIVE_RELATIVES = frozenset("der die das welche welcher welches".split())
# Prepositions that continue a speaker phrase ("Ein Sprecher von Tesla"), and those that do
# only before a name ("Ein Regierungssprecher in Berlin", not "sagte X in einem Interview").
LINKS = frozenset({"des", "der", "von", "vom", "aus", "für", "und"})
NAME_LINKS = frozenset({"in", "im", "bei", "beim"})
# Prepositions after which a mention names what the person belongs to ("Polat von den Grünen").
NAME_PREPOSITIONS = frozenset({"von", "vom", "aus", "für"}) | NAME_LINKS
PRONOUNS = frozenset({"er", "sie", "Er", "Sie", "man", "Man", "wir", "Wir", "ich", "Ich"})
# "so letztere": a demonstrative that stands for one of two persons just named.
FORMER_LATTER = frozenset("letztere letzterer ersterer erstere Letztere Letzterer".split())
OBJECT_PRONOUNS = frozenset("ihm ihnen uns mir dir euch sich es dazu dies".split())
FEMALE_PRONOUNS = frozenset({"sie", "Sie"})
MALE_PRONOUNS = frozenset({"er", "Er"})
# Words that open a sentence without being its subject: the subject then follows the verb.
ADVERBIALS = frozenset(
    (
        "Zudem Außerdem Dazu Dabei Daher Deshalb Damit Darin Darauf Dort Hier Heute Gestern "
        "Morgen Nun Jetzt Dann Inzwischen Bereits Bisher Zuvor Später Zuletzt Schließlich "
        "Allerdings Jedoch Doch Aber Und So Noch Weiter Ferner Gleichzeitig Zugleich Ebenfalls "
        "Unterdessen Indes Demnach Offenbar Vielmehr Insbesondere Besonders Anschließend "
        "Ausdrücklich Erst Nur Sogar Auch Trotzdem Dennoch Damals Seitdem Immerhin Weiterhin "
        "Kürzlich Vorher Danach Daraufhin Ebenso Genauso Hierzu Darüber Dagegen Deswegen "
        "Mittlerweile Zunächst Erstmals Abschließend Wörtlich Ähnlich Gegenüber Dies Es Zusammen "
        "Derzeit Aktuell Zurzeit Momentan Bislang Künftig Derweil"
    ).split()
)
ADVERBIALS_LOWER = frozenset(
    "auch dazu noch zudem außerdem bereits gestern heute damals weiter erneut nun jedoch "
    "allerdings zuvor später ebenfalls deutlich dann jetzt nochmals offen ausdrücklich "
    "zufrieden besorgt erfreut enttäuscht optimistisch skeptisch überzeugt wörtlich immer "
    "wieder sinngemäß einst dabei daraufhin schließlich zuletzt inzwischen mittlerweile "
    "gleichzeitig zugleich abschließend anschließend".split()
)
# Nominative pronouns: right after a verb they are its subject ("bezeichnete er als").
NOMINATIVE_PRONOUNS = frozenset({"er", "man", "wir", "ich"})
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
# Prepositions that make a speech noun a point in time: "während einer Rede", "nach dem Interview".
TIME_LINKS = frozenset({"während", "Während", "beim", "Beim", "vor", "Vor", "seit", "Seit"})
SUBORDINATORS = frozenset(
    "Als Wenn Nachdem Weil Obwohl Während Da Bevor Seit Seitdem Sobald Falls Dass Ob".split()
)
# Capitalised words that never head a speaker phrase.
NOT_NOUNS = PREPOSITIONS | SUBORDINATORS | ADVERBIALS
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
PASSIVE_AUXILIARIES = frozenset({"wird", "wurde", "werden", "wurden"})
# Verbs that present written words, whose source is a place: "in dem Entwurf steht der Passus",
# "auf dem Transparent war … zu lesen", "in der Zeitung fand sich die Feststellung".
WRITTEN_VERBS = frozenset("steht stand standen stehen lesen finden findet fand fanden".split())
# The finite forms of "finden" present words only as "fand sich"; "lesen" and "finden" as "zu …".
REFLEXIVE_WRITTEN = frozenset("findet fand fanden".split())
INFINITIVE_WRITTEN = frozenset({"lesen", "finden"})
LOCATIVES = frozenset({"in", "im", "auf", "am", "an"})
# A sentence presents written words only with a colon or a noun for wording in it.
WRITING_SIGNS = SPEECH_NOUNS | {":"}
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
# Nouns that introduce wording, not a name: "Sprüche wie „…“", "Parolen wie zum Beispiel „…“".
WORDING_NOUNS = SPEECH_NOUNS | {"Slogans", "Parole"}
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
    r"(?:in|innen|e|en|er|s|n)?$",
    re.IGNORECASE,
)
TITLE_WORDS = frozenset({"Herr", "Frau", "Dr.", "Prof.", "Dr", "Prof", "Sir", "Lady"})
ABBREVIATIONS = frozenset(
    "Dr Prof Nr St bzw ca vgl Mio Mrd Jh Abs Art Hr Fr usw etc inkl evtl ggf Str z.B u.a "
    "d.h Jr Sr Mr Mrs Ms Co Inc Bd Kap".split()
)

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
SENTENCE_END_RE = re.compile(r"(?<![.!?…])[.!?…]+(?=\s+[\"„“»«(§X]?[A-ZÄÖÜ0-9§])|\n+")
SPACE_RE = re.compile(r"\s+")
AGE_RE = re.compile(r"\d{1,3}")
DOTTED_NAME_RE = re.compile(r"[a-zäöü]+\.[a-zäöü]+")
HEISST_ES_RE = re.compile(r"\b(?:heißt|hieß|hiess|heisst)\s+es\b")
# "war von X die Rede", also across a quote: "war von einem „…“ die Rede".
REDE_RE = re.compile(r"\b(?:war|ist|sei)\b(?:[^.§]{0,60}|\s+von\b[^.]{0,300}?)\bdie\s+Rede\b")
SO_FRAME_RE = re.compile(
    r"(?:^|[,–(]\s*|§\s*)(so)\s+(?=[A-ZÄÖÜ]|der |die |das |ein|letzter|erster)"
)
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
# Most words between a subject after a comma and its speech word ("X sind jedoch der Ansicht").
PREFIELD_GAP = 4
DIRECT_MIN_WORDS = 3
# A lowercase quoted phrase this long is someone's wording even without a frame.
PHRASE_MIN_WORDS = 4
CONTINUATION_GAP = 3
PRONOUN_LOOKBACK = 30


@dataclass
class _Span:
    """A pair of quotation marks: `open`/`close` are the marks, `start`/`end` the words inside."""

    open: int
    close: int
    start: int
    end: int
    closed: bool = True


@dataclass
class _Frame:
    """A speech cue in a sentence and the speaker phrase found for it."""

    cue: str
    pos: int
    mention: tuple[int, int] | None
    kind: str = "verb"


@dataclass
class _Speaker:
    """A speaker as written and as resolved to a name."""

    mention: str | None
    name: str | None
    gender: str = "?"


@dataclass
class _Sent:
    """A sentence of the masked text with its spans, frames and Konjunktiv verb."""

    start: int
    end: int
    spans: list[_Span] = field(default_factory=list)
    frames: list[_Frame] = field(default_factory=list)
    konjunktiv: str | None = None
    first_word: int = 0
    last_word: int = 0
    echo: _Frame | None = None


@dataclass
class _FrameIndex:
    """The frames of one sentence sorted by kind and position, for lookups per span."""

    strong: list[_Frame]
    roles: list[_Frame]
    nouns: list[_Frame]
    following: list[_Frame]
    verb_cue: str | None

    @classmethod
    def of(cls, frames: list[_Frame]) -> _FrameIndex:
        """Index the frames of a sentence."""
        named = [f for f in frames if f.mention is not None]
        return cls(
            strong=[f for f in named if f.kind != "noun"],
            roles=[f for f in named if f.kind == "noun" and SPEAKER_ROLE_RE.search(f.cue)],
            nouns=[f for f in named if f.kind == "noun"],
            following=[f for f in frames if f.kind in {"verb", "so", "es", "laut"}],
            verb_cue=next((f.cue for f in frames if f.kind in {"verb", "noun"}), None),
        )


def _before(frames: list[_Frame], pos: int) -> _Frame | None:
    """Return the last frame that starts before `pos`."""
    index = bisect.bisect_left(frames, pos, key=lambda f: f.pos)
    return frames[index - 1] if index else None


def _from(frames: list[_Frame], pos: int) -> _Frame | None:
    """Return the first frame that starts at or after `pos`."""
    index = bisect.bisect_left(frames, pos, key=lambda f: f.pos)
    return frames[index] if index < len(frames) else None


@dataclass
class Analysis:
    """Quotes found in a text, and the spans of reported speech with their speaker."""

    quotes: list[Quote]
    reported: list[tuple[int, int, str]]


# --- pass 1: pairing marks -------------------------------------------------------------------


def _choose_style(text: str) -> str:
    """Return the document's main quotation style from the marks it uses."""
    counts = {mark: text.count(mark) for mark in ALL_MARKS}
    if counts["„"]:
        return "de"
    if counts["»"] or counts["«"]:
        first_right = text.find("»")
        first_left = text.find("«")
        if first_left == -1 or (first_right != -1 and first_right < first_left):
            return "guillemets_de"
        return "guillemets_ch"
    if counts["“"] and counts["”"]:
        return "en"
    if counts["“"] and not counts["”"]:
        return "en_same"
    return "straight"


def _straight_opens(text: str, i: int) -> bool:
    """Tell whether a straight quote at `i` opens (space or start before it, a word after it)."""
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([–-/") and not after.isspace()


def _pair_marks(text: str) -> list[_Span]:
    """Pair quotation marks with a stack, in the document's style; spans never cross quotes."""
    style = _choose_style(text)
    if style == "en_same":
        openers, closers = "“", "“"
    else:
        openers, closers = STYLES[style]
    spans: list[_Span] = []
    stack: list[tuple[int, str]] = []
    marks = _MarkCounts(text, openers, closers)
    for match in MARK_RE.finditer(text):
        i, mark = match.start(), match.group()
        symmetric = mark == STRAIGHT or (openers == closers and mark in openers)
        if symmetric:
            is_open = _straight_opens(text, i) if mark == STRAIGHT or not stack else False
            # A straight closing quote also ends a curly or angled quote ("„…\"", "»…\"").
            if stack and (stack[-1][1] == mark or mark == STRAIGHT) and not is_open:
                opened, _ = stack.pop()
                spans.append(_Span(opened, i, opened + 1, i))
            elif is_open:
                stack.append((i, mark))
            continue
        if mark in openers:
            # A second opener of the same kind opens a quote inside the quote when its paragraph
            # holds closers for both; otherwise the first one was never closed.
            if stack and stack[-1][1] == mark and not marks.nests(i):
                if _reopens_paragraph(text, stack[-1][0], i):
                    continue
                _close_unclosed(text, stack.pop()[0], i, spans)
            stack.append((i, mark))
        elif mark in closers and stack and stack[-1][1] in openers:
            opened, _ = stack.pop()
            spans.append(_Span(opened, i, opened + 1, i))
        elif style == "de" and mark == "“" and not stack and _straight_opens(text, i):
            stack.append((i, "“"))
        elif mark in "”“" and stack and stack[-1][1] == "“":
            opened, _ = stack.pop()
            spans.append(_Span(opened, i, opened + 1, i))
    for opened, _ in stack:
        _close_unclosed(text, opened, len(text), spans)
    spans.sort(key=lambda span: span.open)
    return _drop_nested(spans)


class _MarkCounts:
    """Counts of opening and closing marks up to each mark, to look ahead in constant time."""

    def __init__(self, text: str, openers: str, closers: str) -> None:
        self.text = text
        self.positions: list[int] = []
        self.opened = [0]
        self.closed = [0]
        for match in MARK_RE.finditer(text):
            mark = match.group()
            self.positions.append(match.start())
            self.opened.append(self.opened[-1] + (mark in openers))
            self.closed.append(self.closed[-1] + (mark in closers and mark not in openers))
        self.breaks = [match.start() for match in re.finditer("\n", text)]

    def nests(self, i: int) -> bool:
        """Tell whether the paragraph from the opener at `i` on closes more quotes than it opens."""
        index = bisect.bisect_left(self.breaks, i)
        end = self.breaks[index] if index < len(self.breaks) else len(self.text)
        first = bisect.bisect_left(self.positions, i)
        last = bisect.bisect_left(self.positions, end)
        opened = self.opened[last] - self.opened[first]
        closed = self.closed[last] - self.closed[first]
        return closed > opened


def _reopens_paragraph(text: str, opened: int, i: int) -> bool:
    """Tell whether the opener at `i` continues a quote on a new paragraph (closed only at the end).

    The quote opened at `opened` must run to a sentence's end at a line break, and the new
    opener must be the first thing on its line.
    """
    newline = text.rfind("\n", opened, i)
    if newline == -1 or text[newline:i].strip():
        return False
    return text[opened + 1 : newline].rstrip()[-1:] in SENTENCE_PUNCT


def _close_unclosed(text: str, opened: int, limit: int, spans: list[_Span]) -> None:
    """End an unclosed quote at its paragraph's end, if that comes before `limit`."""
    newline = text.find("\n", opened, limit)
    end = newline if newline != -1 else limit
    if end == len(text) or newline != -1:
        stripped = text[opened + 1 : end].rstrip()
        if stripped:
            spans.append(_Span(opened, end, opened + 1, opened + 1 + len(stripped), closed=False))


def _drop_nested(spans: list[_Span]) -> list[_Span]:
    """Keep the outermost spans only: quotes inside quotes belong to the outer speaker."""
    kept: list[_Span] = []
    for span in spans:
        if kept and span.open < kept[-1].close:
            continue
        kept.append(span)
    return kept


# --- pass 2: sentences -----------------------------------------------------------------------


def _mask(text: str, spans: Sequence[_Span], names: set[int]) -> str:
    """Hide quoted words: a name-like span becomes one capitalised word, a quote becomes §."""
    parts: list[str] = []
    last = 0
    for index, span in enumerate(spans):
        parts.append(text[last : span.open])
        length = (span.close + (1 if span.closed else 0)) - span.open
        if index in names:
            parts.append("X" * length)
        else:
            inner = text[span.start : span.end].rstrip()
            final = "." if inner[-1:] in SENTENCE_PUNCT and length > 1 else "§"
            parts.append("§" * (length - 1) + final)
        last = span.open + length
    parts.append(text[last:])
    return "".join(parts)


def _is_abbreviation(masked: str, dot: int) -> bool:
    """Tell whether the full stop at `dot` ends an abbreviation, an initial or an ordinal."""
    start = dot
    while start > 0 and not masked[start - 1].isspace() and masked[start - 1] not in '(„"':
        start -= 1
    word = masked[start:dot]
    if not word:
        return False
    if len(word) == 1 and word.isalpha():
        return True
    if word.isdigit() and len(word) <= 2:
        # "am 3. Mai" is an ordinal; "des Modells 3. Ein Sprecher" ends a sentence.
        following = NEXT_WORD_RE.match(masked, dot + 1)
        return not (following and following.group(1) in SENTENCE_OPENERS)
    return word in ABBREVIATIONS or word.rstrip(".") in ABBREVIATIONS or "." in word[:-1]


def _split_sentences(masked: str) -> list[tuple[int, int]]:
    """Split masked text into (start, end) sentences; a line break always ends one."""
    sentences: list[tuple[int, int]] = []
    start = 0
    for match in SENTENCE_END_RE.finditer(masked):
        is_break = match.group()[0] == "\n"
        if not is_break and _is_abbreviation(masked, match.start()):
            continue
        sentences.append((start, match.start() if is_break else match.end()))
        start = match.end()
    sentences.append((start, len(masked)))
    return [_trim(masked, s, e) for s, e in sentences if masked[s:e].strip()]


def _trim(masked: str, start: int, end: int) -> tuple[int, int]:
    """Strip the whitespace around a sentence."""
    chunk = masked[start:end]
    lead = len(chunk) - len(chunk.lstrip())
    return start + lead, start + len(chunk.rstrip())


# --- pass 3: frames and speakers -------------------------------------------------------------


def _tokens(masked: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Return (start, end, word) tokens of `masked[start:end]`."""
    return [(m.start(), m.end(), m.group()) for m in WORD_RE.finditer(masked, start, end)]


def _is_capitalised(word: str) -> bool:
    """Tell whether a token looks like a noun or a name ("Homepage", "documenta-Homepage")."""
    return word[:1].isupper() or word.rpartition("-")[2][:1].isupper()


def _is_speech_verb(word: str) -> bool:
    """Tell whether a word is a form of a speech verb."""
    return word in SPEECH_VERB_FORMS or bool(WEAK_VERB_RE.fullmatch(word))


def _is_adjective(word: str) -> bool:
    """Tell whether a lowercase token may be an inflected adjective or a number in a phrase."""
    if word[:1].isdigit():
        return True
    return (
        word[:1].islower()
        and len(word) > 3
        and word.endswith(("e", "en", "er", "es", "em"))
        and word not in KONJUNKTIV_FORMS
        and word not in LOWER_STOPWORDS
        and word not in AUXILIARIES
        and word not in COPULAS
        and not _is_speech_verb(word)
    )


def _noun_phrase(masked: str, pos: int, limit: int) -> tuple[int, int] | None:
    """Return the noun phrase (with appositions, without relative clauses) starting at `pos`."""
    tokens = _tokens(masked, pos, min(limit, pos + WINDOW))[:NP_TOKEN_LIMIT]
    if not tokens:
        return None
    if tokens[0][2] in PRONOUNS or tokens[0][2] in FORMER_LATTER:
        return tokens[0][0], tokens[0][1]
    if tokens[0][2] in LOWER_PREPOSITIONS or tokens[0][2] in LOWER_STOPWORDS - DETERMINERS:
        return None
    head_end: int | None = None
    i = 0
    while i < len(tokens):
        _, end, word = tokens[i]
        following = tokens[i + 1][2] if i + 1 < len(tokens) else ""
        if word.lower() in DETERMINERS and (i == 0 or word.islower()):
            # "der Entwurf für ein neues Gesetz": an article after a link continues the phrase.
            linked = i > 0 and tokens[i - 1][2] in LINKS
            if head_end is not None and word not in GENITIVE_LINKS and not linked:
                break
        elif word in TITLE_WORDS or (_is_capitalised(word) and word not in NOT_NOUNS):
            head_end = end
        elif _continues_phrase(word, following, head_end is not None, tokens[0][2]):
            pass
        elif word == "(" and head_end is not None:
            close = _parenthesis_end(tokens, i)
            if close is None:
                break
            head_end, i = tokens[close][1], close + 1
            continue
        elif word == "," and head_end is not None:
            apposition = _apposition(tokens, i + 1)
            if apposition is None:
                break
            head_end, i = apposition
            continue
        else:
            break
        i += 1
    return (tokens[0][0], head_end) if head_end is not None else None


def _continues_phrase(word: str, following: str, has_head: bool, first: str) -> bool:
    """Tell whether a token inside a speaker phrase continues it (adjectives, links)."""
    if _is_adjective(word) or (word.islower() and _is_adjective(following)):
        return True
    if has_head:
        # "der Gewerkschaft ver.di": a name written in lowercase with a dot.
        return _links_phrase(word, following) or bool(DOTTED_NAME_RE.fullmatch(word))
    # "die in New York geborene Lopez": a participle phrase between article and noun.
    return word in LOWER_PREPOSITIONS and first in DETERMINERS


def _links_phrase(word: str, following: str) -> bool:
    """Tell whether `word` joins the next phrase to the speaker ("von Tesla", "und Y")."""
    if word in NAME_LINKS:
        return _is_capitalised(following)
    return word in LINKS and _starts_phrase(following)


def _starts_phrase(word: str) -> bool:
    """Tell whether a word can open a noun phrase after a linking preposition."""
    return word.lower() in DETERMINERS or _is_capitalised(word) or _is_adjective(word)


def _parenthesis_end(tokens: list[tuple[int, int, str]], i: int) -> int | None:
    """Return the index of the ")" closing a short parenthesis ("(SPD)") at token `i`."""
    for j in range(i + 1, min(len(tokens), i + 5)):
        if tokens[j][2] == ")":
            return j
    return None


def _apposition(tokens: list[tuple[int, int, str]], i: int) -> tuple[int, int] | None:
    """Return (end, next index) of an apposition starting at token `i`, or None for a clause.

    "Yermak, Selenskyjs Stabschef," and "Rajevac, der Trainer Ghanas" are appositions;
    "Lopez, die den Auftritt kaum erwarten könne," is a relative clause and ends the phrase.
    """
    j = i
    while j < len(tokens) and tokens[j][2] not in CLAUSE_PUNCTUATION:
        j += 1
    segment = tokens[i:j]
    if not segment or len(segment) > MAX_APPOSITION_WORDS:
        return None
    words = [word for _, _, word in segment]
    if len(words) == 1 and AGE_RE.fullmatch(words[0]):
        # "Alice Kakamara, 30, sagte": the age, as news writing gives it.
        return segment[0][1], j
    if words[0] in DETERMINERS:
        if len(words) < 2 or not (_is_capitalised(words[1]) or _is_adjective(words[1])):
            return None
    elif not _is_capitalised(words[0]) or words[0] in NOT_NOUNS:
        return None
    if any(_is_speech_verb(word) or word in KONJUNKTIV_FORMS for word in words):
        return None
    if not _is_capitalised(words[-1]) or "§" in words[-1]:
        head = _last_noun(segment)
        return (segment[head][1], i + head + 1) if head is not None else None
    if j < len(tokens) and tokens[j][2] == "(":
        close = _parenthesis_end(tokens, j)
        if close is not None:
            return tokens[close][1], close + 1
    return segment[-1][1], j


def _last_noun(segment: list[tuple[int, int, str]]) -> int | None:
    """Return the index of the last noun of the leading noun phrase in a segment."""
    head = None
    for index, (_, _, word) in enumerate(segment):
        if _is_capitalised(word) and word not in NOT_NOUNS:
            head = index
        elif not (word in DETERMINERS or _is_adjective(word) or word in LINKS):
            break
    return head


def _speech_cues(masked: str, start: int, end: int) -> list[_Frame]:
    """Find speech verbs, nouns and frames in one sentence, in text order."""
    tokens = _tokens(masked, start, end)
    words = {word for _, _, word in tokens}
    cues: list[_Frame] = []
    for index, (tok_start, _, word) in enumerate(tokens):
        following = tokens[index + 1][2] if index + 1 < len(tokens) else ""
        previous = tokens[index - 1][2] if index else ""
        naming = word in NAMING_VERBS and bool({previous, following} & {"sich", "man"})
        attributive = previous.lower() in DETERMINERS or previous == UNSPECIFIED
        if _is_speech_verb(word) and not attributive and not naming:
            cues.append(_Frame(word, tok_start, None))
        elif word in NACH_NOUNS and following == "nach" and _owns_view(tokens, index):
            # "seiner Meinung nach": the view is the frame, its owner the possessive.
            cues.append(_Frame(previous, tokens[index - 1][0], None, kind="view"))
        elif (word in SPEECH_NOUNS or SPEAKER_ROLE_RE.search(word)) and not _dates(tokens, index):
            cues.append(_Frame(word, tok_start, None, kind="noun"))
        elif word in LAUT and following not in {"", ","}:
            cues.append(_Frame(word, tok_start, None, kind="laut"))
        elif word == ZUFOLGE:
            cues.append(_Frame(word, tok_start, None, kind="zufolge"))
        elif word in NACH and following in NACH_NOUNS:
            cues.append(_Frame(word, tok_start, None, kind="nach"))
        elif word in NACH and following in OWN and _owned_view("sein", tokens[index + 2 :]):
            # "war nach eigenem Bekunden eingeweiht": the subject's own account.
            cues.append(_Frame(word, tok_start, None, kind="own"))
        elif word in NACH and _owned_view(following, tokens[index + 2 : index + 3]):
            # "Nach Schäubles Idee", "Nach seiner Ansicht": whose view, right after "nach".
            cues.append(_Frame(word, tok_start, None, kind="laut"))
        elif word == OPINION_FOR and index == 0 and words & OPINION_VERBS:
            # "Für den Theologen Küng sei der Rücktritt verständlich", "Für X ist die Lage
            # „alarmierend“": whose view is reported.
            cues.append(_Frame(word, tok_start, None, kind="laut"))
        elif any(p.fullmatch(word) and particles & words for p, particles in SEPARABLE_RES):
            cues.append(_Frame(word, tok_start, None))
        elif _presents_writing(word, previous, following) and words & WRITING_SIGNS:
            cues.append(_Frame(word, tok_start, None, kind="text"))
    for pattern in (HEISST_ES_RE, REDE_RE):
        for match in pattern.finditer(masked, start, end):
            cues.append(_Frame(match.group().split()[0], match.start(), None, kind="es"))
    for match in SO_FRAME_RE.finditer(masked, start, end):
        cues.append(_Frame("so", match.start(1), None, kind="so"))
    cues.sort(key=lambda frame: frame.pos)
    return cues


def _owns_view(tokens: list[tuple[int, int, str]], index: int) -> bool:
    """Tell whether "seiner Meinung nach" frames a clause, not an attribute ("die ihrer …")."""
    before = [word for _, _, word in tokens[max(0, index - 2) : index]]
    if not before or before[-1].lower() not in POSSESSIVES:
        return False
    return len(before) < 2 or before[0].lower() not in DETERMINERS


def _dates(tokens: list[tuple[int, int, str]], index: int) -> bool:
    """Tell whether a speech noun only dates the event ("während einer Rede der X")."""
    before = [word for _, _, word in tokens[max(0, index - 2) : index]]
    return bool(before) and (before[0] in TIME_LINKS or before[-1] in TIME_LINKS)


def _owned_view(owner: str, noun: list[tuple[int, int, str]]) -> bool:
    """Tell whether "nach" is followed by someone's view ("Schäubles Idee", "seiner Ansicht")."""
    if not noun or noun[0][2] not in NACH_NOUNS:
        return False
    return owner.lower() in POSSESSIVES or (_is_capitalised(owner) and owner.endswith("s"))


def _presents_writing(word: str, previous: str, following: str) -> bool:
    """Tell whether a verb presents written words ("steht", "zu lesen", "fand sich")."""
    if word in INFINITIVE_WRITTEN:
        return previous == "zu"
    if word in REFLEXIVE_WRITTEN:
        return following == "sich"
    return word in WRITTEN_VERBS


def _clause_start(masked: str, sent_start: int, pos: int, quotes: bool = True) -> int:
    """Return where the clause holding `pos` starts (after a colon, a semicolon or a quote)."""
    floor = max(sent_start, pos - WINDOW)
    cut = max(masked.rfind(":", floor, pos), masked.rfind(";", floor, pos))
    if quotes:
        cut = max(cut, _quote_boundary(masked, floor, pos))
    return cut + 1 if cut >= 0 else sent_start


def _quote_boundary(masked: str, floor: int, pos: int) -> int:
    """Return the last character of the last quote before `pos` that closes a clause, or -1.

    A quoted sentence ("„…“, sagte er") closes one; a quoted phrase inside the clause does not
    ("hatte den Bericht als „falsch“ zurückgewiesen").
    """
    last = masked.rfind("§", floor, pos)
    while last >= 0:
        after = last + 1
        if masked[after : after + 1] == "." or masked[after:pos].lstrip()[:1] in QUOTE_CLOSERS:
            return last
        while last > floor and masked[last - 1] == "§":
            last -= 1
        last = masked.rfind("§", floor, last)
    return -1


def _prefield_is_subject(tokens: list[tuple[int, int, str]]) -> bool:
    """Tell whether a clause opens with its subject rather than an adverbial."""
    if not tokens:
        return False
    first = tokens[0][2]
    second = tokens[1][2] if len(tokens) > 1 else ""
    if first in NON_NOMINATIVE:
        return False
    if first in PRONOUNS or first.lower() in DETERMINERS:
        return True
    if first[:1].isdigit():
        # "22 Prozent teilen die Meinung": a quantity of people.
        return _is_capitalised(second) and second not in NOT_NOUNS
    if not _is_capitalised(first) or first in NOT_NOUNS:
        return False
    return not (first.endswith(ADVERBIAL_SUFFIXES) and (not second or second.islower()))


def _after_verb(masked: str, pos: int, end: int) -> tuple[int, int] | None:
    """Return the subject phrase right after a verb, skipping object pronouns and adverbs."""
    tokens = _tokens(masked, pos, min(end, pos + WINDOW))[:10]
    index = 0
    while index < len(tokens):
        tok_start, _, word = tokens[index]
        if word in OBJECT_PRONOUNS or word in ADVERBIALS_LOWER or word == ",":
            index += 1
            continue
        if word in TIME_PREPOSITIONS and index + 1 < len(tokens):
            index += 2 if _is_capitalised(tokens[index + 1][2]) else len(tokens)
            continue
        if word in PRONOUNS or word in DETERMINERS or _is_capitalised(word):
            return _noun_phrase(masked, tok_start, end)
        return None
    return None


def _subject_after_finite(
    masked: str, tokens: list[tuple[int, int, str]], end: int
) -> tuple[int, int] | None:
    """Return the first noun phrase after the finite verb of a clause with an adverbial opener."""
    for index, (_, tok_end, word) in enumerate(tokens):
        if index == 0 or not word[:1].islower() or word in LOWER_PREPOSITIONS | DETERMINERS:
            continue
        previous = tokens[index - 1][2]
        if previous in DETERMINERS or previous in LOWER_PREPOSITIONS or previous[:1].islower():
            continue
        return _after_verb(masked, tok_end, end)
    return None


def _passive_auxiliary(masked: str, clause: int, frame: _Frame) -> int | None:
    """Return where the auxiliary of a passive speech participle ends ("wurde als „…“ bezeichnet").

    The passive's subject is who was described or addressed, not who spoke.
    """
    if not frame.cue.endswith("t"):
        return None
    comma = masked.rfind(",", clause, frame.pos)
    for _, end, word in _tokens(masked, max(comma + 1, clause), frame.pos):
        if word in PASSIVE_AUXILIARIES:
            return end
    return None


def _passive_agent(masked: str, tokens: list[tuple[int, int, str]], end: int):
    """Return the agent of a passive speech clause ("wird von X als … bezeichnet")."""
    words = [word for _, _, word in tokens]
    if not PASSIVE_AUXILIARIES & set(words):
        return None
    for index, word in enumerate(words[:-1]):
        if word in {"von", "vom"}:
            return _noun_phrase(masked, tokens[index + 1][0], end)
    return None


def _frame_speaker(masked: str, sent: _Sent, frame: _Frame) -> tuple[int, int] | None:
    """Find the speaker phrase for a frame, with the appositions and relative clauses after it."""
    phrase = _bare_frame_speaker(masked, sent, frame)
    if phrase is None or frame.kind == "view":
        return phrase
    return _extend_mention(masked, sent, phrase)


def _extend_mention(masked: str, sent: _Sent, phrase: tuple[int, int]) -> tuple[int, int]:
    """Extend a speaker phrase over what describes it, as a reader names the speaker.

    A subject opening its clause runs up to the finite verb ("Khan, einer der Abgeordneten,
    die den Brief unterschrieben, verurteilte …"); a phrase elsewhere takes one relative
    clause after it ("sagte Arauz, der das Gesetz entworfen hatte") unless that clause speaks.
    """
    if not masked[phrase[1] :].startswith(","):
        return phrase
    if phrase[0] == _clause_start(masked, sent.start, phrase[0] + 1):
        end = _prefield_end(masked, phrase[1], sent.end)
        return (phrase[0], end) if end is not None else phrase
    comma = masked.find(",", phrase[1] + 1, sent.end)
    stop = comma if comma >= 0 else sent.end
    tail = _tokens(masked, phrase[1] + 1, stop)
    if _is_relative_clause(tail) and not any(_reports_speech(word) for _, _, word in tail):
        return phrase[0], tail[-1][1]
    return phrase


def _reports_speech(word: str) -> bool:
    """Tell whether a word makes a clause speech itself: a quote, a speech verb, Konjunktiv I."""
    return "§" in word or word in KONJUNKTIV_FORMS or _is_speech_verb(word)


def _prefield_end(masked: str, pos: int, end: int) -> int | None:
    """Return where a subject that opens its clause ends: at the comma before the finite verb.

    The words after each comma go on describing the subject when they open an apposition or a
    relative clause (a capital, an article, a pronoun, a preposition); a lowercase word of
    another kind is the finite verb.
    """
    tokens = _tokens(masked, pos, min(end, pos + WINDOW))
    for index, (tok_start, _, word) in enumerate(tokens[:-1]):
        if word in {":", ";"} or "§" in word:
            return None
        following = tokens[index + 1][2]
        if word == "," and following[:1].islower() and following not in PREFIELD_LINKS:
            return tok_start if index else None
    return None


def _bare_frame_speaker(masked: str, sent: _Sent, frame: _Frame) -> tuple[int, int] | None:
    """Find the speaker phrase for a frame in a sentence."""
    after = frame.pos + len(frame.cue)
    if frame.kind in {"laut", "so"}:
        return _noun_phrase(masked, after, sent.end)
    if frame.kind == "nach":
        tokens = _tokens(masked, after, min(sent.end, after + 40))[:3]
        skip = 1 + (len(tokens) > 1 and tokens[1][2] in {"von", "vom"})
        return _noun_phrase(masked, tokens[skip][0], sent.end) if len(tokens) > skip else None
    if frame.kind == "view":
        owned = _tokens(masked, frame.pos, sent.end)[1]
        return frame.pos, owned[1]
    if frame.kind == "own":
        return _clause_subject(masked, sent, frame.pos)
    if frame.kind == "zufolge":
        return _phrase_before(masked, sent, frame.pos)
    if frame.kind == "text":
        return _written_source(masked, sent, frame.pos)
    if frame.kind == "es":
        return _es_source(masked, after, sent.end) or _prefield_source(masked, sent, frame.pos)
    if frame.kind == "noun":
        return _noun_owner(masked, sent, frame)
    return _verb_subject(masked, sent, frame)


def _phrase_before(masked: str, sent: _Sent, pos: int) -> tuple[int, int] | None:
    """Return the noun phrase that ends right before `pos` (for "X zufolge")."""
    clause = _clause_start(masked, sent.start, pos)
    comma = masked.rfind(",", clause, pos)
    for tok_start, _, _ in _tokens(masked, comma + 1 if comma >= 0 else clause, pos)[-10:]:
        phrase = _noun_phrase(masked, tok_start, pos)
        if phrase and not masked[phrase[1] : pos].strip():
            return phrase
    return None


def _es_source(masked: str, pos: int, end: int) -> tuple[int, int] | None:
    """Return the source of "heißt es in X": the phrase after its preposition."""
    tokens = _tokens(masked, pos, min(end, pos + WINDOW))[:6]
    for index, (_, _, word) in enumerate(tokens[:-1]):
        if word in ES_SOURCE_LINKS:
            return _noun_phrase(masked, tokens[index + 1][0], end)
    return None


def _written_source(masked: str, sent: _Sent, pos: int) -> tuple[int, int] | None:
    """Return where written words stand: the place after "in" or "auf" in the verb's clause."""
    tokens = _tokens(masked, _clause_start(masked, sent.start, pos), sent.end)
    for index, (_, _, word) in enumerate(tokens[:-1]):
        if word in {":", "§"}:
            break
        if word.lower() in LOCATIVES:
            return _noun_phrase(masked, tokens[index + 1][0], sent.end)
    return None


def _prefield_source(masked: str, sent: _Sent, pos: int) -> tuple[int, int] | None:
    """Return the source named in a prepositional prefield ("Aus Paris hieß es")."""
    tokens = _tokens(masked, _clause_start(masked, sent.start, pos), pos)
    if len(tokens) > 1 and tokens[0][2] in PREPOSITIONS:
        return _noun_phrase(masked, tokens[1][0], pos)
    return None


def _noun_owner(masked: str, sent: _Sent, frame: _Frame) -> tuple[int, int] | None:
    """Return who a speech noun belongs to: a spokesperson named with it, or the clause subject."""
    if SPEAKER_ROLE_RE.search(frame.cue):
        return _noun_phrase(masked, _phrase_start(masked, sent, frame.pos), sent.end)
    owner = _verb_subject(masked, sent, frame)
    return None if owner is not None and _is_own_phrase(masked, owner, frame.pos) else owner


def _is_own_phrase(masked: str, phrase: tuple[int, int], pos: int) -> bool:
    """Tell whether a phrase is the speech noun at `pos` itself ("war die Parole „…“ zu lesen")."""
    if not phrase[0] <= pos < phrase[1]:
        return False
    return not any(_is_capitalised(word) for _, _, word in _tokens(masked, phrase[0], pos)[1:])


def _phrase_start(masked: str, sent: _Sent, pos: int) -> int:
    """Return the start of the noun phrase that contains the word at `pos`."""
    begin = pos
    for tok_start, _, word in reversed(_tokens(masked, max(sent.start, pos - 80), pos)):
        if word in NOT_NOUNS or word in ADVERBIALS or word == ",":
            break
        if not (word.lower() in DETERMINERS or _is_adjective(word) or _is_capitalised(word)):
            break
        begin = tok_start
    return begin


def _verb_subject(masked: str, sent: _Sent, frame: _Frame) -> tuple[int, int] | None:
    """Return the subject of a speech verb: in the prefield, in a wie-clause or after the verb."""
    clause = _clause_start(masked, sent.start, frame.pos)
    verb_end = frame.pos + len(frame.cue)
    previous = _tokens(masked, max(clause, frame.pos - 12), frame.pos)[-1:]
    if previous and previous[0][2] in COORDINATORS:
        shared = _clause_subject(masked, sent, previous[0][0])
        if shared is not None:
            return shared
    if frame.cue.startswith("zitiert"):
        quoted = _quoted_person(masked, clause, frame, sent.end)
        if quoted:
            return quoted
    pronoun = _tokens(masked, verb_end, min(sent.end, verb_end + 8))[:1]
    if pronoun and pronoun[0][2] in NOMINATIVE_PRONOUNS:
        return pronoun[0][0], pronoun[0][1]
    comma = masked.rfind(",", clause, frame.pos)
    if comma >= 0:
        tail = _tokens(masked, comma + 1, frame.pos)
        if tail and tail[0][2] in WIE:
            # "wie sich Tauss ausdrückte": the subject after a reflexive pronoun.
            named = [tok for tok in tail[1:] if tok[2] not in OBJECT_PRONOUNS]
            return _noun_phrase(masked, named[0][0], frame.pos) if named else None
        if _is_relative_clause(tail):
            return _relative_subject(masked, sent, comma, tail, verb_end)
        if len(tail) == 1 and tail[0][2][:1].islower():
            # "„…“, so urteilte Romney": an adverb in the prefield, the subject after the verb.
            return _after_verb(masked, verb_end, sent.end)
        if tail and tail[0][2][:1].islower() and tail[0][2] not in DETERMINERS:
            return _after_verb(masked, tail[0][1], sent.end)
        if tail and _prefield_is_subject(tail):
            phrase = _noun_phrase(masked, tail[0][0], frame.pos)
            if phrase and len(_tokens(masked, phrase[1], frame.pos)) <= PREFIELD_GAP:
                return phrase
    tokens = _tokens(masked, clause, frame.pos)
    while tokens and tokens[0][2] in SKIPPABLE_OPENERS:
        tokens = tokens[1:]
    if tokens and tokens[0][2] in WIE and len(tokens) > 1:
        return _noun_phrase(masked, tokens[1][0], frame.pos)
    # A passive clause keeps its agent across a quote: "wird von X als „…“ bezeichnet".
    agent = _passive_agent(
        masked,
        _tokens(masked, _clause_start(masked, sent.start, frame.pos, quotes=False), frame.pos),
        frame.pos,
    )
    if agent:
        return agent
    auxiliary = _passive_auxiliary(masked, clause, frame)
    if auxiliary is not None:
        # "wurde im „Standard“ als „…“ bezeichnet": the outlet it appeared in, if named.
        return _es_source(masked, auxiliary, frame.pos)
    if _prefield_is_subject(tokens):
        phrase = _noun_phrase(masked, tokens[0][0], frame.pos)
        # "Klose, der Gelb-Rot sah, nannte …" keeps its subject across the relative clause;
        # in "Sie sei geschockt, sagte die Königin" the subject follows the verb.
        if phrase and (comma < 0 or phrase[1] >= comma or masked[phrase[1] :].startswith(",")):
            return phrase
    return (
        _after_verb(masked, verb_end, sent.end)
        or _subject_before_comma(masked, clause, frame.pos)
        or _subject_after_finite(masked, tokens, sent.end)
        or _phrase_before(masked, sent, frame.pos)
    )


def _subject_before_comma(masked: str, clause: int, pos: int) -> tuple[int, int] | None:
    """Return the subject that ends with a comma right before the verb at `pos`.

    "A wies das zurück, die Sprecherin der Fraktion, Sandra Boser, erklärte": the longest
    phrase after a comma that runs, appositions included, up to that comma.
    """
    last = masked.rfind(",", clause, pos)
    if last < 0 or masked[last + 1 : pos].strip():
        return None
    found = None
    comma = masked.rfind(",", clause, last)
    while comma >= 0:
        phrase = _noun_phrase(masked, comma + 1, last + 1)
        if phrase is not None and not masked[phrase[1] : last].strip():
            found = phrase
        comma = masked.rfind(",", clause, comma)
    return found


def _is_relative_clause(tail: list[tuple[int, int, str]]) -> bool:
    """Tell whether the words after a comma open a relative clause, not an apposition.

    "der die Maßnahme als „…“ sieht" and "die Gerhard Schröder … erklärt hatte" are relative
    clauses; "der Generalsekretär des Verbandes" is an apposition.
    """
    if not tail or tail[0][2] not in RELATIVE_PRONOUNS:
        return False
    words = [word for _, _, word in tail[1:3]]
    if not words or not _is_capitalised(words[0]) or words[0] in NOT_NOUNS:
        return True
    named = len(words) > 1 and _is_capitalised(words[1])
    return named or tail[0][2] not in NOMINATIVE_RELATIVES


def _relative_subject(
    masked: str, sent: _Sent, comma: int, tail: list[tuple[int, int, str]], verb_end: int
) -> tuple[int, int] | None:
    """Return the subject of a speech verb in a relative clause, or None for a passive one.

    A name right after the pronoun is the subject ("die Gerhard Schröder … erklärt hatte");
    otherwise a nominative pronoun stands for the noun before it ("Der Verband, der …
    sieht"). In a passive clause ("die als „…“ beschrieben wurden") that noun is what was
    described, not who spoke.
    """
    following = tail[1][2] if len(tail) > 1 else ""
    if _is_capitalised(following) and following not in NOT_NOUNS:
        return _noun_phrase(masked, tail[1][0], sent.end)
    auxiliary = _tokens(masked, verb_end, min(sent.end, verb_end + 12))[:1]
    if auxiliary and auxiliary[0][2] in PASSIVE_AUXILIARIES:
        return None
    if tail[0][2] in NOMINATIVE_RELATIVES:
        return _phrase_before(masked, sent, comma)
    return None


def _quoted_person(masked: str, clause: int, frame: _Frame, end: int) -> tuple[int, int] | None:
    """Return who is quoted by "zitiert": the passive subject, or the object after the outlet."""
    tokens = _tokens(masked, clause, frame.pos)
    for index, (_, tok_end, word) in enumerate(tokens):
        if word in PASSIVE_AUXILIARIES and index + 1 < len(tokens):
            return _after_verb(masked, tok_end, frame.pos)
    after = frame.pos + len(frame.cue)
    first = _after_verb(masked, after, end)
    if first is None:
        outlet = _tokens(masked, after, min(end, after + 80))[:1]
        return _noun_phrase(masked, outlet[0][1], end) if outlet else None
    second = _after_verb(masked, first[1], end)
    return second or first


def _clause_subject(masked: str, sent: _Sent, pos: int) -> tuple[int, int] | None:
    """Return the subject of the clause ending at `pos` ("Hier sparte X nicht mit …: „…“")."""
    clause = _clause_start(masked, sent.start, pos - 2)
    tokens = _tokens(masked, clause, pos)
    while tokens and tokens[0][2] in SKIPPABLE_OPENERS:
        tokens = tokens[1:]
    commas = [index for index, (_, _, word) in enumerate(tokens) if word == ","]
    tail = tokens[commas[-1] + 1 :] if commas else []
    if len(tail) > 1 and tail[0][2][:1].islower() and tail[1][2] in SUBJECT_PRONOUNS:
        # "Das Angebot, Verletzte aufzunehmen, lehnt er ab: „…“": the verb, then its subject.
        return tail[1][0], tail[1][1]
    if _prefield_is_subject(tokens):
        return _noun_phrase(masked, tokens[0][0], pos)
    return _subject_after_finite(masked, tokens, pos)


# --- speakers: names, gender, pronouns -------------------------------------------------------


def _clean_mention(text: str) -> str:
    """Normalise the whitespace of a speaker mention."""
    return SPACE_RE.sub(" ", text).strip(" ,")


def _gender(words: list[str]) -> str:
    """Guess the grammatical gender of a mention: "f", "m" or "?"."""
    if "Frau" in words:
        return "f"
    if "Herr" in words:
        return "m"
    roles = [word for word in words if ROLE_RE.search(word)]
    if roles:
        return "f" if roles[0].endswith("in") else "m"
    first = words[0].lower()
    return "f" if first in {"die", "eine"} else "m" if first in {"der", "ein"} else "?"


def _name_in_segment(words: list[str]) -> str | None:
    """Return the name in one part of a mention, before what links to it ("X von den Grünen")."""
    cuts = [index for index, word in enumerate(words) if index > 1 and word in NAME_PREPOSITIONS]
    for end in [len(words), *reversed(cuts)]:
        name = _trailing_name(words[:end])
        if name:
            return name
    return None


def _trailing_name(words: list[str]) -> str | None:
    """Return the trailing run of name words in one part of a mention, titles and roles dropped."""
    run: list[str] = []
    for word in reversed(words):
        if not _is_capitalised(word) or ROLE_RE.search(word) or word in TITLE_WORDS:
            break
        if word.lower() in DETERMINERS:
            break
        run.append(word)
    run.reverse()
    if not run or len(run) > MAX_NAME_RUN:
        return None
    leading = words[: len(words) - len(run)]
    if len(run) > 1 or not leading:
        return " ".join(run) if len(run) > 1 or len(words) == 1 else None
    previous = leading[-1]
    if ROLE_RE.search(previous) or previous in TITLE_WORDS or "-" in previous:
        return run[0]
    return None


def _view_owner(mention: str) -> str | None:
    """Return the pronoun behind someone's view ("seiner Ansicht" is his), else None."""
    words = mention.split()
    if len(words) != 2 or words[1] not in NACH_NOUNS:
        return None
    return POSSESSIVE_PRONOUNS.get(words[0].lower())


def _resolve(mention: str, history: Sequence[_Speaker]) -> _Speaker:
    """Turn a mention into a speaker; pronouns take the last compatible earlier speaker."""
    pronoun = mention if mention in PRONOUNS else _view_owner(mention)
    if pronoun is not None:
        # "er", and "seiner Ansicht" (someone's view): the person referred to.
        wanted = "f" if pronoun in FEMALE_PRONOUNS else "m" if pronoun in MALE_PRONOUNS else None
        for earlier in reversed(history[-PRONOUN_LOOKBACK:]):
            if earlier.name is None or earlier.name in PRONOUNS:
                continue
            if wanted is None or earlier.gender in {wanted, "?"}:
                return _Speaker(mention, earlier.name, earlier.gender)
        return _Speaker(mention, mention)
    segments = [WORD_ONLY_RE.findall(part) for part in mention.split(",")]
    segments = [words for words in segments if words]
    if not segments:
        return _Speaker(mention, mention)
    names = sorted(
        (name for name in map(_name_in_segment, segments) if name),
        key=lambda name: " " not in name,
    )
    gender = next((g for g in map(_gender, segments) if g != "?"), "?")
    return _Speaker(mention, names[0] if names else mention.split(",")[0].strip(), gender)


# --- pass 4: deciding which spans are quotes -------------------------------------------------


def _is_name_like(words: str) -> bool:
    """Tell whether quoted words read like a name or title rather than speech."""
    stripped = words.strip()
    if not stripped or stripped[-1] in SENTENCE_PUNCT or INNER_SENTENCE_RE.search(stripped):
        return False
    if DOMAIN_RE.search(stripped):
        return True
    if not (stripped[0].isupper() or stripped[0].isdigit()):
        return False
    tokens = stripped.split()
    if len(tokens) > MAX_NAME_WORDS:
        return False
    lowercase = [
        token
        for token in tokens
        if token[:1].islower() and token.lower() not in NAME_FUNCTION_WORDS
    ]
    return len(lowercase) <= (1 if len(tokens) >= 3 else 0)


def _is_term(text: str, span: _Span, name_like: bool) -> bool:
    """Tell whether a span is a quoted term: a name, a title, a translation or a so-called word."""
    before = text[max(0, span.open - 40) : span.open]
    if SO_GENANNT_RE.search(before):
        return True
    words = WORD_ONLY_RE.findall(SENTENCE_TAIL_RE.search(before).group())
    previous = words[-1] if words else ""
    if previous in TERM_MARKERS:
        return True
    if _introduces_wording(words):
        return False
    # "das Magazin „Stern“" names; "nannte das Projekt „dringend nötig“" quotes.
    if TERM_NOUN_RE.search(previous) and text[span.start : span.end].lstrip()[:1].isupper():
        return True
    if _reads_as_speech(text[span.start : span.end]):
        return False
    if before.endswith("("):
        return True
    if ABBREVIATION_AFTER_RE.match(text, span.close + 1) or SUBJECT_NAME_RE.match(
        text, span.close + 1
    ):
        return True
    if previous == "von" and len(words) > 1 and words[-2] in SPEECH_VERB_FORMS:
        return False
    if not name_like or previous.lower() in QUOTE_LEADS:
        return False
    return not (
        _speech_follows(text, span)
        or _governed_by_speech(text, span)
        or _opens_reported_clause(before)
    )


def _opens_reported_clause(before: str) -> bool:
    """Tell whether a span opens the clause after a speech verb ("Er sagte, „X“ dürfe …")."""
    head, comma, tail = before.rpartition(",")
    words = WORD_ONLY_RE.findall(head[-40:])
    return bool(comma) and not tail.strip() and bool(words) and _is_speech_verb(words[-1])


def _introduces_wording(words: list[str]) -> bool:
    """Tell whether the words before a span end with a noun for wording ("Sprüche wie")."""
    index = len(words)
    while index > 0 and words[index - 1] in EXAMPLE_WORDS:
        index -= 1
    return index > 0 and words[index - 1] in WORDING_NOUNS


def _governed_by_speech(text: str, span: _Span) -> bool:
    """Tell whether a verb of the span's own clause takes the wording as its object."""
    before = text[max(0, span.open - WINDOW) : span.open]
    clause = CLAUSE_TAIL_RE.search(before).group()
    words = WORD_ONLY_RE.findall(clause)[-CONTENT_VERB_REACH:]
    verbs = [index for index, word in enumerate(words) if CONTENT_VERB_RE.fullmatch(word)]
    if not verbs:
        return False
    between = words[verbs[-1] + 1 :]
    # "wirft der „Arbeitskreis X“ … vor": an article right after the verb opens its subject;
    # "warnt vor der Pille „X“": a noun right before the span is what the span names.
    if len(between) == 1 and between[0].lower() in DETERMINERS:
        return False
    last = between[-1] if between else ""
    return not (_is_capitalised(last) and last not in WORDING_NOUNS | EXAMPLE_WORDS)


def _speech_follows(text: str, span: _Span) -> bool:
    """Tell whether a speech verb or "so" follows the span ("„Nein“, sagte er")."""
    match = NEXT_WORD_RE.match(text, span.close + 1)
    if match is None:
        return False
    word = match.group(1)
    if "," not in text[span.close : match.start(1)]:
        return False
    return (
        word == "so"
        or _is_speech_verb(word)
        or HEISST_ES_RE.match(text, match.start(1)) is not None
    )


def _ends_sentence(text: str, span: _Span) -> bool:
    """Tell whether the quoted words end with sentence punctuation."""
    return text[span.start : span.end].rstrip()[-1:] in SENTENCE_PUNCT


def _stands_alone(sent: _Sent, span: _Span) -> bool:
    """Tell whether a sentence consists of nothing but this quote."""
    return sent.first_word >= span.open and sent.last_word <= span.close


def _opens_sentence(sent: _Sent, span: _Span) -> bool:
    """Tell whether a span is the first thing in its sentence."""
    return sent.first_word >= span.open


def _colon_before(masked: str, span: _Span, floor: int) -> bool:
    """Tell whether a colon introduces the span."""
    return masked[max(floor, span.open - 3) : span.open].rstrip().endswith(":")


def _frame_after(masked: str, index: _FrameIndex, sent: _Sent, span: _Span) -> _Frame | None:
    """Return a frame right after the quote: "„…“, sagte X", "„…“, so X", "„…“ wird X zitiert"."""
    offset = span.close + 1
    window = _tokens(masked, offset, min(sent.end, offset + 80))
    leading = 0
    while leading < len(window) and window[leading][2] in {",", "–"}:
        leading += 1
    if leading == len(window) or "§" in window[leading][2]:
        return None
    first = window[leading][0]
    frame = _from(index.following, first)
    if frame is None:
        return None
    # "„Wozu?“ fragen sich Experten": after a quoted question no comma is written.
    punctuated = masked[span.close] == "."
    if frame.pos == first and (leading or punctuated or frame.kind in {"so", "laut"}):
        return frame
    passive = window[leading][2] in PASSIVE_AUXILIARIES
    return (
        frame if passive and frame.cue.startswith("zitiert") and frame.pos < offset + 80 else None
    )


def _nearest_frame(index: _FrameIndex, span: _Span, colon: bool) -> _Frame | None:
    """Return the frame that best governs a span: the nearest before it, else the next one."""
    frame = _before(index.strong, span.open) or _before(index.roles, span.open)
    if frame is not None or not colon:
        return frame or _from(index.strong, span.close)
    return _before(index.nouns, span.open)


def _quote_kind(text: str, masked: str, sent: _Sent, span: _Span) -> QuoteKind:
    """Return `direct` for a quoted sentence and `partial` for a quoted phrase."""
    words = text[span.start : span.end].strip()
    if not (words[:1].isupper() or words[:1] in "…[(" or words[:1].isdigit()):
        return "partial"
    if _ends_sentence(text, span) or _stands_alone(sent, span):
        return "direct"
    if _opens_sentence(sent, span):
        return "direct"
    long_enough = len(words.split()) > DIRECT_MIN_WORDS
    return "direct" if long_enough and _colon_before(masked, span, sent.start) else "partial"


def _konjunktiv(masked: str, start: int, end: int) -> str | None:
    """Return the first Konjunktiv-I verb outside quotes in a sentence, if any."""
    for _, _, word in _tokens(masked, start, end):
        if word in KONJUNKTIV_FORMS:
            return word
    return None


def _build_sentences(masked: str, spans: list[_Span]) -> list[_Sent]:
    """Split the text into sentences and attach spans, frames and the Konjunktiv verb."""
    sents = [_Sent(s, e) for s, e in _split_sentences(masked)]
    starts = [sent.start for sent in sents]
    for span in spans:
        index = bisect.bisect_right(starts, span.open) - 1
        if index >= 0:
            sents[index].spans.append(span)
    for sent in sents:
        sent.frames = _speech_cues(masked, sent.start, sent.end)
        for frame in sent.frames:
            frame.mention = _frame_speaker(masked, sent, frame)
        sent.konjunktiv = _konjunktiv(masked, sent.start, sent.end)
        words = _tokens(masked, sent.start, sent.end)
        letters = [tok for tok in words if tok[2][0].isalnum()]
        sent.first_word = letters[0][0] if letters else sent.end
        sent.last_word = letters[-1][0] if letters else sent.start
    for sent, following in itertools.pairwise(sents):
        sent.echo = _echo_frame(masked, following)
    return sents


def _echo_frame(masked: str, sent: _Sent) -> _Frame | None:
    """Return the speech frame of a sentence that credits the one before ("Das sagte X.")."""
    first = _tokens(masked, sent.start, min(sent.end, sent.start + 20))[:1]
    if not first or first[0][2] not in DEMONSTRATIVES:
        return None
    return next((f for f in sent.frames if f.kind == "verb" and f.mention is not None), None)


@dataclass
class _State:
    """What the walk over the sentences remembers: the speakers so far and where the last spoke."""

    history: list[_Speaker] = field(default_factory=list)
    last: _Speaker | None = None
    last_sentence: int = -CONTINUATION_GAP - 1
    subject: _Speaker | None = None
    subject_sentence: int = -CONTINUATION_GAP - 1

    def continues(self, index: int, gap: int = CONTINUATION_GAP) -> _Speaker | None:
        """Return the last speaker if they spoke at most `gap` sentences before `index`."""
        return self.last if index - self.last_sentence <= gap else None

    def previous_subject(self, index: int) -> _Speaker | None:
        """Return the named person who was the subject of the sentence before `index`."""
        return self.subject if index - self.subject_sentence == 1 else None


def _speaker_for(text: str, mention: tuple[int, int], state: _State) -> _Speaker:
    """Resolve a mention span to a speaker and remember it."""
    speaker = _resolve(_clean_mention(text[mention[0] : mention[1]]), state.history)
    state.history.append(speaker)
    return speaker


def _sentence_speaker(text: str, sent: _Sent, state: _State) -> _Speaker | None:
    """Return the speaker of a sentence's own speech frame (reported speech without quotes)."""
    for frame in sent.frames:
        if frame.mention is not None and frame.kind in OWN_FRAME_KINDS:
            return _speaker_for(text, frame.mention, state)
    return None


def _remember_subject(text: str, masked: str, sent: _Sent, index: int, state: _State) -> None:
    """Remember a named person opening a sentence, for pronouns and the quotes that follow."""
    tokens = _tokens(masked, sent.start, min(sent.end, sent.start + WINDOW))[:NP_TOKEN_LIMIT]
    if not _prefield_is_subject(tokens) or tokens[0][2] in PRONOUNS:
        return
    phrase = _noun_phrase(masked, tokens[0][0], sent.end)
    if phrase is None:
        return
    person = _resolve(_clean_mention(text[phrase[0] : phrase[1]]), state.history)
    if person.name and " " in person.name:
        state.history.append(person)
        state.subject, state.subject_sentence = person, index


def analyse(text: str) -> Analysis:
    """Find quotes and reported-speech spans in German text."""
    if not isinstance(text, str) or not text.strip():
        return Analysis([], [])
    spans = _pair_marks(text)
    name_like = [_is_name_like(text[span.start : span.end]) for span in spans]
    terms = {i for i, span in enumerate(spans) if _is_term(text, span, name_like[i])}
    masked = _mask(text, spans, {i for i in terms if name_like[i]})
    state = _State()
    quotes: list[Quote] = []
    reported: list[tuple[int, int, str]] = []
    term_opens = {spans[i].open for i in terms}
    for index, sent in enumerate(_build_sentences(masked, spans)):
        found = _sentence_quotes(text, masked, sent, index, term_opens, state)
        quotes.extend(found)
        own = None if found else _sentence_speaker(text, sent, state)
        if own is None and not found:
            _remember_subject(text, masked, sent, index, state)
        if own is not None:
            state.last = own
        if own is not None or any(quote.speaker for quote in found):
            state.last_sentence = index
        speaker = state.continues(index)
        if sent.konjunktiv and speaker is not None:
            state.last_sentence = index
            reported.append((sent.start, sent.end, speaker.name or speaker.mention or ""))
    return Analysis(quotes, reported)


def _sentence_quotes(
    text: str,
    masked: str,
    sent: _Sent,
    index: int,
    term_opens: set[int],
    state: _State,
) -> list[Quote]:
    """Decide which spans of one sentence are quotes, and attribute them."""
    found: list[Quote] = []
    frames = _FrameIndex.of(sent.frames)
    for span in sent.spans:
        start, end = _strip_span(text, span)
        if start == end:
            continue
        decision = _attribute_span(
            text, masked, sent, frames, index, span, span.open in term_opens, state
        )
        if decision is None:
            continue
        speaker, cue = decision
        found.append(
            Quote(
                text=text[start:end],
                start=start,
                end=end,
                speaker=speaker.name if speaker else None,
                speaker_mention=speaker.mention if speaker else None,
                cue=cue,
                kind=_quote_kind(text, masked, sent, span),
            )
        )
        if speaker is not None:
            state.last = speaker
            state.last_sentence = index
    return found


def _strip_span(text: str, span: _Span) -> tuple[int, int]:
    """Return the span's offsets without surrounding whitespace."""
    words = text[span.start : span.end]
    lead = len(words) - len(words.lstrip())
    return span.start + lead, span.start + len(words.rstrip())


def _attribute_span(
    text: str,
    masked: str,
    sent: _Sent,
    frames: _FrameIndex,
    index: int,
    span: _Span,
    term: bool,
    state: _State,
) -> tuple[_Speaker | None, str | None] | None:
    """Return (speaker, cue) when a span is a quote, or None when it is a quoted term."""
    sentence_like = _ends_sentence(text, span) or _opens_sentence(sent, span)
    after = _frame_after(masked, frames, sent, span)
    if after is not None and (not term or sentence_like):
        if after.mention is None:
            # "„…“, hieß es": the document or speech of the last speaker.
            return (state.continues(index) if after.kind == "es" else None), after.cue
        return _speaker_for(text, after.mention, state), after.cue
    if _colon_before(masked, span, sent.start) and (not term or _ends_sentence(text, span)):
        frame = _nearest_frame(frames, span, colon=True)
        if frame is not None and frame.mention is not None:
            return _speaker_for(text, frame.mention, state), frame.cue
        subject = _clause_subject(masked, sent, span.open)
        continued = state.continues(index)
        if continued is not None and (subject is None or _reports(masked, sent, subject)):
            return continued, ":"
        return (_speaker_for(text, subject, state) if subject else None), ":"
    if term:
        return None
    frame = _nearest_frame(frames, span, colon=False)
    if frame is not None and frame.mention is not None:
        return _speaker_for(text, frame.mention, state), frame.cue
    speaker = state.continues(index)
    if sent.konjunktiv and speaker is not None:
        return speaker, sent.konjunktiv
    if frames.nouns and frames.nouns[0].mention is not None:
        return _speaker_for(text, frames.nouns[0].mention, state), frames.nouns[0].cue
    if sent.konjunktiv:
        return state.previous_subject(index), sent.konjunktiv
    if frames.verb_cue is not None:
        return state.continues(index, gap=1), frames.verb_cue
    if _stands_alone(sent, span) and sentence_like:
        if sent.echo is not None:
            return _speaker_for(text, sent.echo.mention, state), sent.echo.cue
        return speaker or state.previous_subject(index), None
    if _is_phrase_quote(text[span.start : span.end]) or _reads_as_speech(
        text[span.start : span.end]
    ):
        subject = _clause_subject(masked, sent, span.open)
        return (_speaker_for(text, subject, state) if subject else speaker), None
    return None


def _reports(masked: str, sent: _Sent, subject: tuple[int, int]) -> bool:
    """Tell whether a colon clause reports the last speaker rather than naming a new one.

    It does when its main clause is in Konjunktiv I ("Die Pflichten seien klar festgelegt: „…“")
    and when its subject is something of theirs ("Seine Zuversicht gründet sich auf …: „…“").
    """
    words = WORD_ONLY_RE.findall(masked[subject[0] : subject[1]])
    if len(words) > 1 and words[0].lower() in POSSESSIVES and words[1] not in SPEECH_NOUNS:
        return True
    for _, _, word in _tokens(masked, subject[1], sent.end):
        if word in CLAUSE_PUNCTUATION:
            return False
        if word in KONJUNKTIV_FORMS:
            return True
    return False


def _reads_as_speech(words: str) -> bool:
    """Tell whether quoted words speak in the first or second person ("„Wo ist meine Stimme?“")."""
    return len(words.split()) > 1 and SPEAKER_WORDS_RE.search(words) is not None


def _is_phrase_quote(words: str) -> bool:
    """Tell whether quoted words are a lowercase phrase of several words: wording, not a term."""
    stripped = words.strip()
    return stripped[:1].islower() and len(stripped.split()) >= PHRASE_MIN_WORDS


# --- public interface ------------------------------------------------------------------------


def find_quotes(text: str) -> list[Quote]:
    """Return the quotes in German `text`, with their speakers, in text order."""
    return analyse(text).quotes


def attribute(text: str, sentences: list[Sentence]) -> list[Quote]:
    """Find the quotes of an article, link them to `sentences`, and mark reported speech.

    Each quote's `sentence` is the index of the sentence holding its start. `reported_by` is set
    on every sentence in Konjunktiv I whose speaker is known: sentences that continue an earlier
    speaker ("Außerdem sei der Schutz keine militärische Aufgabe."), including those whose only
    quote is attributed through that continuation, and also reported speech that names its
    speaker itself ("X sagte, die Lage sei ernst"), so that key points can say "according to X".
    """
    result = analyse(text)
    ordered = sorted(sentences, key=lambda s: s.start)
    starts = [s.start for s in ordered]
    for quote in result.quotes:
        position = bisect.bisect_right(starts, quote.start) - 1
        if position >= 0 and quote.start < ordered[position].end:
            quote.sentence = ordered[position].index
    for start, end, speaker in result.reported:
        first = max(bisect.bisect_right(starts, start) - 1, 0)
        for sentence in ordered[first:]:
            if sentence.start >= end:
                break
            if _mostly_inside(sentence, start, end):
                sentence.reported_by = speaker
    return result.quotes


def _mostly_inside(sentence: Sentence, start: int, end: int) -> bool:
    """Tell whether at least half of a sentence lies inside the span `start`–`end`."""
    overlap = min(end, sentence.end) - max(start, sentence.start)
    return overlap * 2 >= max(sentence.end - sentence.start, 1)
