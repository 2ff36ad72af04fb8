"""What each quote is about: the incident and the diplomatic event, from the article's context.

A quote's own words rarely name what it is about: "La discussion s'est bien passée" is about the
call of 9 July 2021 and about Kaseya because the article is. So, after the quotes are found:

1. The article's story: the incidents and events it names (every alias of the gazetteer, their culprits
   and victims, the attribution reported on its day by its claimant and culprit, and the incidents the
   gazetteer lacks, found_incidents.py), each weighed by how often and where (the title
   and the lead weigh most). An event the article does
   not name is recognised from its kind of words ("entretien téléphonique", "sommet", "joint
   statement", "indictment"), its date against the article's and its participants.
2. Each quote: what its own words name; else what its paragraph names (a background paragraph
   about another incident keeps its quotes to that incident); else the story's main incident and
   event, when the quote's paragraph belongs to the story (a paragraph naming only other
   incidents or events, or set at another time, does not).

The story's topics (named in the title or lead, or often) go to its quotes too.

Pure Python over the extractor's output; the words are data per language (EVENT_WORDS, ATTACK_WORDS,
ATTACK_CONNECTORS, OTHER_TIME in statements/extraction/languages/).
"""

from __future__ import annotations

import bisect
import datetime
import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from statements.dates import DatePrecision, PartialDate

from .found_incidents import find_new_incidents
from .gazetteer import Gazetteer, HappeningInfo
from .languages import SUPPORTED, all_languages, language_data
from .model import Extraction
from .text import Folded, fold

_ARTICLES = r"(?:\s+(?:le|la|les|the|an?)|\s*l')?"  # the folded text before a name ends with no space


def _attack_patterns(before: bool) -> dict[str, re.Pattern]:
    patterns = {}
    for data in all_languages():
        language, attack = data.CODE, "|".join(re.escape(fold(word)) for word in data.ATTACK_WORDS)
        if before:
            connectors = "|".join(re.escape(word) for word in data.ATTACK_CONNECTORS)
            patterns[language] = re.compile(rf"(?:{attack})\w*(?:\s+(?:{connectors}))?{_ARTICLES}\s*$")
        else:  # "Kaseya's attack", "Costa Rica ransomware", "Costa Rica was hit by a cyberattack" (folded text after
            # the name: its leading space stripped)
            hitting = (*data.ATTACK_WORDS, *getattr(data, "INCIDENT_AGENTS", ()))
            what_hit = "|".join(re.escape(fold(word)) for word in hitting)
            passives = "|".join(re.escape(fold(words)).replace("\\ ", r"\s+") for words in data.INCIDENT_PASSIVES)
            articles = "|".join(re.escape(fold(word)) for word in (*data.DETERMINERS, *data.INDEFINITE_ARTICLES))
            patterns[language] = re.compile(rf"^(?:'s)?\s*(?:[\w-]+\s+)?(?:{attack})|^\s*,?\s*(?:{passives})\s*"
                                            rf"(?:(?:{articles})\s*)?(?:[\w-]+\s+)??(?:{what_hit})")
    return patterns


_ATTACK_BEFORE, _ATTACK_AFTER = _attack_patterns(before=True), _attack_patterns(before=False)
_ATTACK_WORD = {data.CODE: re.compile(rf"(?<!\w)(?:{'|'.join(re.escape(fold(word)) for word in data.ATTACK_WORDS)})")
                for data in all_languages()}
AFTER_VICTIM = 60  # characters after a victim's name in which what hit it is looked for
SENTENCE_ENDS = ".!?\n"
SENTENCE_VICTIM_KINDS = ("company", "media")  # actors that a sentence about an attack names as its victim
SENTENCE_REACH = 300  # characters either side of a victim's name in which its sentence's bounds are looked for
# How much each way of naming an incident weighs (doubled in the lead).
ALIAS_WEIGHT, CULPRIT_WEIGHT, VICTIM_WEIGHT = 2.0, 1.5, 2.0  # "the attack on X" names X's incident
# An incident recognised by its culprit or victim only: the article must come within these many days of it
# (after its end, or its start while it goes on); for a party of several incidents, within a year.
DAYS_BEFORE_INCIDENT, DAYS_AFTER_INCIDENT, DAYS_AFTER_ONE_OF_SEVERAL, DAYS_NEWER_BY = 30, 5 * 365, 365, 90
# How far an event's dates may be from the article's for the article to report it (days).
DAYS_BEFORE_EVENT, DAYS_AFTER_EVENT = 1, 4
PRIVATE_KINDS = ("call",)  # events only their participants speak at
# Kinds whose words every article on the subject uses ("accuse", "attribue", "operation"): they describe an
# event of theirs only in an article about the incident the event concerns.
COMMON_KINDS = ("statement", "other")
ACCUSING_KINDS = ("statement",)  # kinds whose words run through every article on an attribution: never from the body
# Kinds a paragraph describes by a word of its kind and a participant or its place (see _event_described), and
# how long before an event a paragraph may speak of it as coming (days).
PARAGRAPH_KINDS, DAYS_UPCOMING = ("summit", "meeting", "sanctions", "indictment", "communique"), 30
PLACED_KINDS = ("summit", "meeting")  # events their place names ("à Genève"); a capital also names its state
NAME_WORDS_DESCRIBE = 2  # words of an event's name in the lead that describe it (not its parties' names)
STORY_TOPIC_REACH = 100_000  # characters from the start in which the story's topics are counted
STORY_TOPIC_MENTIONS = 3  # a topic's words this often through the article (or once in the lead): its topic
LONGEST_LEAD = 3000  # characters: a lead is the opening of the story, however long its first paragraph
SHORT_LEAD = 150  # the title and the first paragraph make the lead; a shorter one takes the second too
MAIN_INCIDENT_WEIGHT = 3.0  # named twice by an alias, or once in the lead by an alias or its culprit
ATTRIBUTION_WEIGHT = MAIN_INCIDENT_WEIGHT  # an attribution reported as news is what the article is about
DAYS_AFTER_ATTRIBUTION = 3  # an article reports an attribution as news on its day or within these days after
STRING_OF_ATTACKS = 3  # incidents of one event (an indictment) that make it about none of them alone
STEM_LENGTH, STEM_ENDING = 5, 4  # the letters a long word keeps at least, and the ending it loses at most
EVOKING_WORDS = 2  # distinctive words of one of its names by which an article describes an incident of its event
DAYS_IN_THE_NEWS = 14  # an attack the lead describes in its own words is the incident that began these days before


@dataclass
class _Mention:
    start: int
    name: str
    weight: float = ALIAS_WEIGHT
    current: bool = False  # found by its victim or its description in an article of its days: news, not background


@dataclass
class Story:
    """What the article is about, as linking found it, for the passes after it (claims)."""

    main_incident: str | None
    incident_mentions: list[tuple[int, str]]  # (position in the text, incident), the title left out


def link_quotes(result: Extraction, text: str, *, gazetteer: Gazetteer, title: str = "",
                doc: Folded | None = None) -> Story:
    """Fill each quote's `incidents` and `events` from the article's context (see the module's docstring)."""
    language = result.language if result.language in SUPPORTED else "en"
    data = language_data(language)
    # The title goes first, as the lead's first line, so that positions in the text shift by its length.
    offset = len(title) + 2 if title else 0
    document = f"{title}\n\n{text}" if title else text
    title_doc, text_doc = Folded(document[:offset]), doc or Folded(text)

    def find(matcher) -> list:
        """The matches in the title, then in the text (shifted by the title's length)."""
        return [*title_doc.find(matcher),
                *(replace(m, start=m.start + offset, end=m.end + offset) for m in text_doc.find(matcher))]

    date = result.published or _earliest_quote_date(result)
    paragraphs = _paragraph_bounds(document) or [(0, len(document))]
    starts = [start for start, _ in paragraphs]
    body = paragraphs[1:] if title and len(paragraphs) > 1 else paragraphs
    lead_end = body[0][1] if len(body) == 1 or body[0][1] - body[0][0] >= SHORT_LEAD else body[1][1]
    lead_end = min(lead_end, body[0][0] + LONGEST_LEAD)
    named = find(gazetteer.incident_matcher(result.language))
    incidents = [_Mention(m.start, m.value) for m in named]
    named_spans = [(m.start, m.end) for m in named]
    actor_matches = find(gazetteer.actor_matcher(language, date))
    by_parties = _incidents_by_parties(gazetteer, find, actor_matches, document, language, date, starts, named_spans)
    found, result.new_incidents = find_new_incidents(
        document, language, gazetteer, named_spans, result.published,
        {m.value for m in named} | {m.name for m in by_parties},
        pick=lambda names: _incident_at([gazetteer.incident_info[name] for name in names], date))
    incidents += by_parties + [_Mention(m.start, m.name) for m in found]
    if not any(mention.start < lead_end for mention in incidents):
        incidents += _incidents_in_the_news(gazetteer, fold(document[:lead_end]), language, date)
    incidents = _once_per_place(incidents)
    events = [_Mention(m.start, m.value) for m in find(gazetteer.event_matcher(result.language))]
    folded_paragraphs = [fold(document[start:end]) for start, end in paragraphs]
    main_incident = _main_incident(incidents, _named_lead_end(incidents, document, lead_end, paragraphs, language))
    folded_document = fold(document)
    article = _Article(fold(document[:offset]), fold(document[:lead_end]), folded_document, date, language,
                       set(result.actors), {mention.name for mention in incidents}, main_incident)
    main_event, in_body_only = _main_event(events, gazetteer, article, lead_end)
    if main_incident is None and main_event:  # an article about sanctions is about what they punish...
        concerned = gazetteer.event_info[main_event].incidents
        others = {mention.name for mention in incidents} - concerned  # ...unless it names other incidents as much
        main_incident = next(iter(concerned)) if len(concerned) == 1 and not others else None
    named_by_story = [main_incident] if main_incident else []
    if main_event:  # an indictment for three attacks the article describes in its own words names all three
        named_by_story += [name for name in sorted(gazetteer.event_info[main_event].incidents)
                           if _evoked(gazetteer, name, folded_document)]
    for name in named_by_story:
        if name not in result.incidents:
            result.incidents.append(name)
    story_incident = None if _one_of_the_events_incidents(gazetteer, main_event, main_incident) else main_incident
    story_topics = _story_topics(gazetteer, language, fold(document[:STORY_TOPIC_REACH]), fold(document[:lead_end]))
    by_paragraph: dict[int, tuple[list[str], list[str], bool]] = {}  # read once per paragraph, not per quote
    quoted = sorted((quote.start + offset, quote.end + offset) for quote in result.quotes)
    at_own_occasion = _speakers_at_own_occasion(result, starts, offset, folded_paragraphs, data)
    for quote in result.quotes:
        start, end = quote.start + offset, quote.end + offset
        index = max(0, bisect.bisect_right(starts, start) - 1)
        if index not in by_paragraph:
            para_start, para_end = paragraphs[index]
            named_events = _names_within(events, para_start, para_end)
            if not named_events and (described := _event_described(
                    gazetteer, folded_paragraphs[index], _actors_within(actor_matches, para_start, para_end), date,
                    data)):
                named_events = [described]
            by_paragraph[index] = (_names_within(incidents, para_start, para_end), named_events,
                                   any(word in _narration(document, para_start, para_end, quoted)
                                       for word in data.OTHER_TIME))
        para_incidents, para_events, elsewhere = by_paragraph[index]
        own_incidents = _names_within(incidents, start, end)
        own_events = _names_within(events, start, end)
        quote.incidents = _chosen(own_incidents, para_incidents, story_incident, elsewhere)
        if not elsewhere and (quote.incidents == [main_incident] or not para_incidents):
            quote.topics = list(dict.fromkeys([*quote.topics, *story_topics]))
        story_event = main_event if main_event and _may_speak_at(gazetteer, main_event, quote.speaker) else None
        if story_event and in_body_only and not _describes(gazetteer, story_event, folded_paragraphs[index], data):
            story_event = None
        if story_event and quote.speaker in at_own_occasion and not _takes_part(gazetteer, story_event,
                                                                                quote.speaker, date):
            story_event = None  # a reaction at the speaker's regular briefing, not said at the event
        quote.events = _chosen(own_events, para_events, story_event, elsewhere)
    return Story(main_incident, [(m.start - offset, m.name) for m in incidents if m.start >= offset])


def _one_of_the_events_incidents(gazetteer: Gazetteer, event: str | None, incident: str | None) -> bool:
    """Whether the article's incident is one of a string of attacks its event concerns ("charged six officers
    with a string of destructive hacks, from blackouts in Ukraine and the NotPetya malware to the Olympics"): the
    article is about the event, and a quote is about one of its incidents only where it or its paragraph names
    it. An event over an attack and the campaign it served (the DNC hack, the election interference) is still
    about the attack."""
    concerned = gazetteer.event_info[event].incidents if event else frozenset()
    return incident in concerned and len(concerned) >= STRING_OF_ATTACKS


def _once_per_place(mentions: list[_Mention]) -> list[_Mention]:
    """The mentions by position, each incident counted once where two rules find it at one place ("the breach of
    the Democratic National Committee", a victim beside an attack word in a paragraph that names its attacker)."""
    best: dict[tuple[int, str], _Mention] = {}
    for mention in mentions:
        key = (mention.start, mention.name)
        if key not in best or mention.weight > best[key].weight:
            best[key] = mention
    return sorted(best.values(), key=lambda mention: mention.start)


def _evoked(gazetteer: Gazetteer, incident: str, folded: str) -> bool:
    """Whether the text uses enough of the distinctive words of one of the incident's names (in any language)
    to be describing it: "le parti d'Emmanuel Macron" evokes "le piratage de la campagne d'Emmanuel Macron"."""
    for name in gazetteer.incident_names_of(incident):
        words = _distinctive_words(name)
        if len(words) >= EVOKING_WORDS and sum(_has_word(folded, word) for word in words) >= EVOKING_WORDS:
            return True
    return False


@cache
def _distinctive_words(name: str) -> tuple[str, ...]:
    """The words of a name that are neither attack words, connectors nor function words, nor short."""
    common = {fold(word) for data in all_languages() for word in (*data.ATTACK_CONNECTORS, *data.stopwords)}
    attack = tuple(fold(word) for data in all_languages() for word in data.ATTACK_WORDS)
    return tuple(word for word in dict.fromkeys(re.findall(r"[^\W\d_]{4,}", fold(name)))
                 if word not in common and not word.startswith(attack))


def _may_speak_at(gazetteer: Gazetteer, event: str, speaker: str | None) -> bool:
    """A call is reported by its participants and their institutions (the White House's readout, the
    Kremlin's); what anyone else says in the article is comment, not part of the call."""
    info = gazetteer.event_info[event]
    if info.kind not in PRIVATE_KINDS or speaker is None or speaker in info.participants:
        return True
    actor = gazetteer.actor(speaker)
    countries = {gazetteer.actor(name).country for name in info.participants if gazetteer.actor(name)}
    return bool(actor and actor.kind != "person" and actor.country and actor.country in countries)


def _actors_within(matches: list, start: int, end: int) -> set[str]:
    return {match.value for match in matches if start <= match.start < end and match.value}


def _event_described(gazetteer: Gazetteer, folded: str, named: set[str], date: PartialDate | None,
                     data) -> str | None:
    """The event a paragraph describes without naming it: a word of its kind with one of its participants or its
    place ("called on Trump to cancel the summit. 'Glad-handing with Vladimir Putin...'"), held days before the
    article or in the weeks after it (« son sommet avec Vladimir Poutine, prévu le 16 juin à Genève »), if only one
    fits. Only kinds whose words say little else (a summit, sanctions; not "call" nor "report")."""
    if date is None:
        return None
    fits = []
    for info in gazetteer.event_info.values():
        if info.start is None or info.kind not in PARAGRAPH_KINDS:
            continue
        first = info.start.date - datetime.timedelta(days=DAYS_UPCOMING)
        last = (info.end or info.start).last_day + datetime.timedelta(days=DAYS_AFTER_EVENT)
        if not (date.date <= last and first <= date.last_day):
            continue
        if any(_has_word(folded, word) for word in data.EVENT_WORDS.get(info.kind, ())) and (
                info.participants & named or (info.location and _names_place(folded, info.location))):
            fits.append(info.name)
    return fits[0] if len(fits) == 1 else None


def _narration(document: str, start: int, end: int, quoted: list[tuple[int, int]]) -> str:
    """The paragraph's own words, folded, without its quotes: a speaker recalling "last year" in a quote does not
    set the paragraph at another time; the narration's « l'an dernier » does."""
    pieces, position = [], start
    for quote_start, quote_end in quoted[bisect.bisect_left(quoted, (start, start)):]:
        if quote_start >= end:
            break
        pieces.append(document[position:quote_start])
        position = max(position, quote_end)
    pieces.append(document[position:end])
    return fold(" ".join(pieces))


def _describes(gazetteer: Gazetteer, event: str, folded: str, data) -> bool:
    """Whether a passage speaks of the event: a word of its kind or of what its name says happened."""
    info = gazetteer.event_info[event]
    return any(_has_word(folded, word) for word in (*data.EVENT_WORDS.get(info.kind, ()),
                                                    *_describing_words(gazetteer, info)))


def _speakers_at_own_occasion(result: Extraction, starts: list[int], offset: int, folded_paragraphs: list[str],
                              data) -> set[str]:
    """The speakers the article places at a recurring occasion of their own ("told a regular news briefing",
    « lors de son point de presse quotidien »): all they say in it is said there."""
    speakers = set()
    for quote in result.quotes:
        index = max(0, bisect.bisect_right(starts, quote.start + offset) - 1)
        if quote.speaker and any(word in folded_paragraphs[index] for word in data.OWN_OCCASIONS):
            speakers.add(quote.speaker)
    return speakers


def _takes_part(gazetteer: Gazetteer, event: str, speaker: str, date: PartialDate | None) -> bool:
    """Whether the speaker is one of the event's participants, holds a role in one (the UN's spokesman at
    the UN's adoption of a treaty), or speaks for a state among them (the state an operation or a sanction
    targets takes part in it; the country of a hacker group it disrupts does not)."""
    info = gazetteer.event_info[event]
    if speaker in info.participants or any(role.actor == speaker and role.organisation in info.participants
                                           for role in gazetteer.roles_at(date)):
        return True
    actor = gazetteer.actor(speaker)
    countries = {participant.country for name in info.participants
                 if (participant := gazetteer.actor(name)) and participant.kind != "group"}
    return bool(actor and actor.country and actor.country in countries)


def _story_topics(gazetteer: Gazetteer, language: str, folded: str, lead: str) -> list[str]:
    """The topics the article is about: named in its title or lead, or often through the text."""
    return [slug for slug, pattern in gazetteer.topic_patterns(language)
            if pattern.search(lead) or len(pattern.findall(folded)) >= STORY_TOPIC_MENTIONS]


def _chosen(own: list[str], paragraph: list[str], main: str | None, elsewhere: bool) -> list[str]:
    if own:
        return own
    if paragraph:
        return [main] if main in paragraph else paragraph[:1]
    return [main] if main and not elsewhere else []


def _names_within(mentions: list[_Mention], start: int, end: int) -> list[str]:
    """Names of the mentions (sorted by position) that start in [start, end), found by bisection."""
    first = bisect.bisect_left(mentions, start, key=lambda m: m.start)
    last = bisect.bisect_left(mentions, end, key=lambda m: m.start)
    return list(dict.fromkeys(m.name for m in mentions[first:last]))


def _paragraph_bounds(text: str) -> list[tuple[int, int]]:
    bounds, position = [], 0
    for block in re.split(r"(\n\s*\n)", text):
        if block.strip() and not block.isspace():
            bounds.append((position, position + len(block)))
        position += len(block)
    return bounds


def _earliest_quote_date(result: Extraction) -> PartialDate | None:
    dates = [quote.statement_date for quote in result.quotes if quote.statement_date]
    return min(dates, key=lambda date: date.date) if dates else None


def _incidents_by_parties(gazetteer: Gazetteer, find, actor_matches: list, document: str, language: str,
                          date: PartialDate | None, paragraph_starts: list[int],
                          named_spans: list[tuple[int, int]]) -> list[_Mention]:
    """Incidents named by who did them or who suffered them, not by a name of their own: a group the
    gazetteer holds responsible ("Volt Typhoon", "Storm-0558"), or a victim beside an attack word
    ("la cyberattaque contre le Costa Rica"). Among several incidents of one party, the one the
    article's date falls after (and nearest); without a date, only a party of one incident counts.

    Also the incidents whose victim and attacker one paragraph names together ("Albania cut ties with Iran
    over a cyberattack"): a victim named in one paragraph and its attacker in another say nothing."""
    by_culprit: dict[str, list[HappeningInfo]] = {}
    by_victim: dict[str, list[HappeningInfo]] = {}
    for info in gazetteer.incident_info.values():
        for culprit in info.culprits:
            actor = gazetteer.actor(culprit)
            if actor and actor.kind == "group":
                by_culprit.setdefault(culprit, []).append(info)
        for victim in info.victims:
            by_victim.setdefault(victim, []).append(info)
    if not by_culprit and not by_victim:
        return []
    found, named = [], {}
    for match in sorted([*actor_matches, *find(gazetteer.victim_matcher(language))], key=lambda match: match.start):
        if match.how != "alias" or any(start < match.end and match.start < end for start, end in named_spans):
            continue  # a victim's name that is the incident's own ("Colonial Pipeline") names it once, not twice
        named.setdefault(bisect.bisect_right(paragraph_starts, match.start), {}).setdefault(match.value, match.start)
        if match.value in by_culprit:
            weight, candidates = CULPRIT_WEIGHT, by_culprit[match.value]
        elif match.value in by_victim:
            if not (_ATTACK_BEFORE[language].search(fold(document[max(0, match.start - 40):match.start]))
                    or _ATTACK_AFTER[language].search(fold(document[match.end:match.end + AFTER_VICTIM]))
                    or (_is_company(gazetteer, match.value)
                        and _ATTACK_WORD[language].search(fold(_sentence_around(document, match.start, match.end))))):
                continue
            weight, candidates = VICTIM_WEIGHT, by_victim[match.value]
        else:
            continue
        incident = _incident_at(candidates, date)
        if incident:
            found.append(_Mention(match.start, incident, weight, current=date is not None and weight == VICTIM_WEIGHT))
    for name, victims, culprits in gazetteer.incident_parties:
        for names in named.values():
            if names.keys() & culprits and (victim := names.keys() & victims) and _incident_at(
                    [gazetteer.incident_info[name]], date):
                found.append(_Mention(min(names[v] for v in victim), name, VICTIM_WEIGHT))
    return found + _incidents_by_attribution(gazetteer, named, date)


def _incidents_by_attribution(gazetteer: Gazetteer, named: dict[int, dict[str, int]],
                              date: PartialDate | None) -> list[_Mention]:
    """Incidents named by the attribution the article reports as news: in an article of the day a claimant
    attributed an incident (or of the days after), a paragraph naming the claimant, or a body of the claimant
    state, beside the culprit ("Georgia accused Russia's military intelligence of a sweeping cyberattack",
    "the NCSC said APT29 [...]") names that incident: the attribution is the story, whatever the article calls
    the attack. Not on a day several incidents were attributed (an indictment for five attacks, a campaign
    exposed with its operations): which one a paragraph means is unclear. `named`: the actors each paragraph
    names, at their first place."""
    if date is None or date.precision != DatePrecision.DAY:
        return []
    claims = [claim for claim in gazetteer.attributions if claim.date and claim.date.precision == DatePrecision.DAY
              and 0 <= (date.date - claim.date.date).days <= DAYS_AFTER_ATTRIBUTION]
    incidents_on: dict[datetime.date, set[str]] = {}
    for claim in claims:
        incidents_on.setdefault(claim.date.date, set()).add(claim.incident)
    found = []
    for names in named.values():
        states_speaking = {actor.country for name in names
                           if (actor := gazetteer.actor(name)) and actor.kind != "person" and actor.country}
        for claim in claims:
            claimant = gazetteer.actor(claim.claimant)
            speaks = claim.claimant in names or bool(claimant and claimant.kind == "state"
                                                     and claimant.country in states_speaking)
            if (len(incidents_on[claim.date.date]) == 1 and claim.culprit in names and speaks
                    and _first_to_speak(gazetteer, names, claim)):
                found.append(_Mention(names[claim.culprit], claim.incident, ATTRIBUTION_WEIGHT))
    return found


def _first_to_speak(gazetteer: Gazetteer, names: dict[str, int], claim) -> bool:
    """Whether the claimant's side is the first the paragraph names, the culprit's aside: "Georgia accused
    Russia's military intelligence", not "New Zealand said a Chinese group had compromised its networks, joining
    Britain in calling out Beijing" (Britain's attribution of the day before is not the story)."""
    culprit = gazetteer.actor(claim.culprit)
    claimant = gazetteer.actor(claim.claimant)
    for name in sorted(names, key=names.get):
        actor = gazetteer.actor(name)
        if name == claim.culprit or (actor and culprit and actor.country and actor.country == culprit.country):
            continue
        return name == claim.claimant or bool(actor and claimant and actor.country == claimant.country)
    return True


def _incidents_in_the_news(gazetteer: Gazetteer, lead: str, language: str, date: PartialDate | None) -> list[_Mention]:
    """The incident a lead that names none describes in its own words, as news: « Kiev accuse Moscou d'une
    cyberattaque contre son réseau électrique » six days after the Ukrainian grid attack evokes it (its names'
    distinctive words, beside an attack word), in an article of the days after it began. Only one such incident:
    two of those days that the lead's words fit say which one is meant no better than none."""
    attack = _ATTACK_WORD[language].search(lead)
    if attack is None or date is None:
        return []
    fitting = [info.name for info in gazetteer.incident_info.values() if info.start is not None
               and (date.last_day - info.start.date).days >= 0
               and (date.date - info.start.last_day).days <= DAYS_IN_THE_NEWS
               and _evoked(gazetteer, info.name, lead)]
    return [_Mention(attack.start(), fitting[0], ALIAS_WEIGHT, current=True)] if len(fitting) == 1 else []


def _is_company(gazetteer: Gazetteer, name: str) -> bool:
    """Whether the victim is a company, an outlet or a body the gazetteer knows only as a victim: a state, an
    agency or a person in a sentence about an attack may be its attacker, its ally or its commentator; a company
    there is what was hit ("the ransomware attack which crippled parts of Britain's National Health Service",
    « Cyberattaque mondiale : Renault touché »)."""
    actor = gazetteer.actor(name)
    return actor is None or actor.kind in SENTENCE_VICTIM_KINDS


def _sentence_around(document: str, start: int, end: int) -> str:
    reach = max(0, start - SENTENCE_REACH)
    opening = max(reach, *(document.rfind(mark, reach, start) + 1 for mark in SENTENCE_ENDS))
    closing = [found for mark in SENTENCE_ENDS if (found := document.find(mark, end, end + SENTENCE_REACH)) >= 0]
    return document[opening:min(closing, default=min(len(document), end + SENTENCE_REACH))]


def _incident_at(candidates: list[HappeningInfo], date: PartialDate | None) -> str | None:
    """The incident a party's name stands for: its only one (reported within years of it), or among several
    that ended (or began) within the year before the article, the latest, if clearly the latest."""
    if date is None:
        return candidates[0].name if len(candidates) == 1 else None
    reach = DAYS_AFTER_INCIDENT if len(candidates) == 1 else DAYS_AFTER_ONE_OF_SEVERAL
    plausible = []
    for info in candidates:
        if info.start is None:
            continue
        since = (date.date - (info.end or info.start).last_day).days
        if (date.last_day - info.start.date).days >= -DAYS_BEFORE_INCIDENT and since <= reach:
            plausible.append((info.start.date, info.name))
    plausible.sort(reverse=True)
    if len(plausible) > 1 and (plausible[0][0] - plausible[1][0]).days < DAYS_NEWER_BY:
        return None  # two incidents of the party as recent as each other: which one is meant is unclear
    return plausible[0][1] if plausible else None


def _main_incident(mentions: list[_Mention], lead_end: int) -> str | None:
    """The incident the article is about: the most named, if named in the lead or often enough."""
    weights: dict[str, float] = {}
    for mention in mentions:
        weights[mention.name] = weights.get(mention.name, 0) + mention.weight * (2 if mention.start < lead_end else 1)
    if not weights:
        return None
    best = max(weights, key=lambda name: (weights[name], -_first(mentions, name)))
    return best if weights[best] >= MAIN_INCIDENT_WEIGHT else None


def _named_lead_end(mentions: list[_Mention], document: str, lead_end: int, paragraphs: list[tuple[int, int]],
                    language: str) -> int:
    """Where the lead ends for the incident it speaks of: a lead that tells of one attack without naming it ("A
    rural district has declared a state of disaster after a ransomware attack crippled its administration")
    names it in the next paragraph ("Anhalt-Bitterfeld, a district of some 160,000 people, said"), which then
    weighs as the lead does, when that paragraph names that one incident only."""
    lead = fold(document[:lead_end])
    singular = (m for m in _ATTACK_WORD[language].finditer(lead) if not re.match(r"s\b|\w", lead[m.end():m.end() + 2]))
    if any(mention.start < lead_end for mention in mentions) or next(singular, None) is None:
        return lead_end  # no attack, or only "a string of cyber-attacks": many, none of them the story
    following = next(((start, end) for start, end in paragraphs if start >= lead_end), None)
    named = {m.name for m in mentions if following and following[0] <= m.start < following[1]
             and m.weight >= min(ALIAS_WEIGHT, VICTIM_WEIGHT)}  # by its name or victim, not a culprit's
    if len(named) == 1:
        return following[1]
    if not named and len({m.name for m in mentions}) == 1 and all(m.current for m in mentions):
        # the article's one incident, found later by its victim in the days of the attack ("The Office of
        # Personnel Management said it had detected the intrusion"): the attack the lead tells of
        return next((end for start, end in paragraphs if start <= mentions[0].start < end), lead_end)
    return lead_end  # several incidents after a lead on "a string of cyber-attacks": none of them is the story


def _first(mentions: list[_Mention], name: str) -> int:
    return next((m.start for m in mentions if m.name == name), 1 << 30)


@dataclass
class _Article:
    """The article as the recognition of its event reads it: its title, lead and whole text folded, its date,
    language, the actors and incidents it names, and the incident it is about."""

    title: str
    lead: str
    text: str
    date: PartialDate | None
    language: str
    actors: set[str]
    incidents: set[str]
    main_incident: str | None


def _main_event(mentions: list[_Mention], gazetteer: Gazetteer, article: _Article,
                lead_end: int) -> tuple[str | None, bool]:
    """The event the article reports: one it names (the lead weighs most), else one it describes. Among events
    described as well as each other, one whose kind the title names ("Sanctions contre Moscou") comes first.
    Also whether only the body describes it: then it is what the paragraphs describing it are about (the
    lead's story is another: the hearing at which the takedown was announced), not the whole article."""
    date, lead, main_incident = article.date, article.lead, article.main_incident
    kind_words = language_data(article.language).EVENT_WORDS
    if mentions:
        weights: dict[str, float] = {}
        for mention in mentions:
            weights[mention.name] = weights.get(mention.name, 0) + (2 if mention.start < lead_end else 1)
        best = max(weights, key=lambda name: (weights[name], -_first(mentions, name)))
        info = gazetteer.event_info.get(best)
        if info is None or date is None or _near(info, date):
            return best, False
    candidates = []
    for info in gazetteer.event_info.values():
        if info.start is None or (date is not None and not _near(info, date)):
            continue
        concerns = bool(main_incident and main_incident in info.incidents)
        by_kind = (any(_has_word(lead, word) for word in kind_words.get(info.kind, ()))
                   and (info.kind not in COMMON_KINDS or concerns))
        name_words = sum(_has_word(lead, word, whole=True) for word in dict.fromkeys(
            word for name in gazetteer.event_names_of(info.name, article.language) for word in _name_words(name)))
        describing = sum(_has_word(lead, _stem(word), whole=_stem(word) == word)
                         for word in _describing_words(gazetteer, info))
        by_place_or_name = (bool(info.kind in PLACED_KINDS and info.location and _names_place(lead, info.location))
                            or describing >= NAME_WORDS_DESCRIBE)
        described = by_kind or by_place_or_name
        taking_part = len(info.participants & article.actors)
        if date is None:  # undated: the description, and who or what it concerns, must say it all; a word of
            # its kind with two of its parties will do ("closing five years of talks in the Open-ended Working
            # Group [...] with a consensus report"), but not for a meeting: its parties met more than once, its
            # place tells which (two events fitting alike stay unrecognised below)
            placed = info.kind in PLACED_KINDS
            recognised = ((by_kind and (concerns or (taking_part >= 2 and not placed)))
                          or (by_place_or_name and (concerns or taking_part >= 2)))
        else:
            same_day = abs((info.start.date - date.date).days) <= 1 and date.precision == "day"
            # on its day, two of its participants and a word of its name ("Biden", "REvil") are enough, or a word of
            # its kind anywhere with an incident it concerns ("agents had just disrupted [...] Volt Typhoon")
            in_text = (info.kind not in ACCUSING_KINDS and bool(info.incidents & article.incidents)
                       and any(_has_word(article.text, word) for word in kind_words.get(info.kind, ())))
            recognised = ((described and (taking_part or concerns))
                          or (same_day and taking_part >= 2 and (name_words or in_text)))
        if recognised:
            titled = any(_has_word(article.title, word) for word in kind_words.get(info.kind, ()))
            score = 2 * described + min(taking_part, 3) + 2 * concerns + titled
            distance = abs((info.start.date - date.date).days) if date else 0
            candidates.append((score, -distance, info.name, not (described or name_words)))
    candidates.sort(reverse=True)
    if len(candidates) > 1 and candidates[0][:2] == candidates[1][:2]:
        return None, False  # two events fit as well as each other
    return (candidates[0][2], candidates[0][3]) if candidates else (None, False)


def _name_words(name: str) -> list[str]:
    """The distinctive words of an event's name ("REvil arrests by the FSB": revil, arrests)."""
    return [word for word in re.findall(r"[^\W\d_]+", fold(name)) if len(word) > 3]


def _stem(word: str) -> str:
    """A long word without its ending, to find it as another part of speech: the lead says the leaders "agreed",
    the event's name says "agreement" (an indictment: "indicted"); short words stay whole ("call" is no "caller")."""
    return word[:max(STEM_LENGTH, len(word) - STEM_ENDING)] if len(word) > STEM_LENGTH + 1 else word


def _describing_words(gazetteer: Gazetteer, info: HappeningInfo) -> list[str]:
    """The words of an event's name that say what happened, not who took part or what it concerns: in "North
    Korea sanctions over Sony hack" only "sanctions" (an article on the hack names North Korea and Sony)."""
    named = {word for name in (*info.participants, *info.incidents) for word in _name_words(name)}
    return [word for word in _name_words(info.name) if word not in named]


def _near(info: HappeningInfo, date: PartialDate) -> bool:
    """Whether an article of `date` (at its precision) can report the event as news."""
    if info.start is None:
        return False
    first = info.start.date - datetime.timedelta(days=DAYS_BEFORE_EVENT)
    last = (info.end or info.start).last_day + datetime.timedelta(days=DAYS_AFTER_EVENT)
    return date.date <= last and first <= date.last_day


def _names_place(folded: str, place: str) -> bool:
    """Whether the text names the place in any language: Geneva and Genève share all but their last letter."""
    words = [word for word in re.findall(r"[^\W\d_]+", fold(place)) if len(word) > 2]
    return bool(words) and all(_has_word(folded, word[:-1] if len(word) > 5 else word) for word in words)


def _has_word(folded: str, word: str, *, whole: bool = False) -> bool:
    """Whether `word` starts a word of the folded text (is a whole word of it, with `whole`)."""
    literal, pattern = _word_pattern(word, whole)
    return literal in folded and pattern.search(folded) is not None  # `in` first: a fast scan rules most out


@lru_cache(maxsize=4096)
def _word_pattern(word: str, whole: bool) -> tuple[str, re.Pattern]:
    """The folded word and the pattern `_has_word` searches, built once per word (every event of the
    gazetteer asks for its words)."""
    end = r"(?!\w)" if whole else ""
    return fold(word), re.compile(rf"(?<!\w){re.escape(fold(word))}{end}")
