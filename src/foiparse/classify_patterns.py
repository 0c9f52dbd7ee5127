"""Signal phrases the classify stage looks for, as tables of compiled patterns.

Each table holds phrasings that FOI letters in general share (UK FOIA/EIR/FOISA, US federal
FOIA and state laws); none is keyed on one authority. Patterns run on text whose whitespace
has been squeezed to single spaces (letters wrap lines anywhere), case-insensitively.
"""

from __future__ import annotations

import re
from typing import Final

_F = re.IGNORECASE


def _table(*patterns: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, _F) for p in patterns)


#: The authority asks the requester what is meant, or to narrow the request before it acts.
CLARIFICATION: Final = _table(
    r"\b(?:could|can|would|will) you (?:please )?(?:clarify|confirm what|explain what|be more specific)",
    r"\bplease (?:could you )?(?:clarify|specify|confirm (?:what|which|exactly))",
    r"\b(?:we|i) (?:need|require|would need|would require) (?:some |further |more )?"
    r"(?:clarification|more (?:detail|information) (?:about|on|regarding) (?:what|which|your request))",
    r"\bseeking clarification\b",
    r"\bplease (?:also )?tell us (?:the|which|what|whether|how)\b",
    # "we ask that you clarify your request", "we need more information to identify the records"
    r"\b(?:we|i) (?:ask|request|would ask) that you (?:please )?(?:clarify|specify|narrow|refine)\b",
    r"\b(?:we|i) (?:need|require) (?:some |more |further |additional )information (?:to|in order to)"
    r" (?:identify|locate|process|search)\b",
    # "we need you to clarify your request", "we would ask you to specify the period"
    r"\b(?:we|i) (?:need|require|would need|would require|must ask|would ask|ask) you to"
    r" (?:clarify|specify|narrow|refine|confirm (?:what|which|exactly))\b",
    # FOIA s1(3) / FOISA s1(3): nothing is done until the requester answers
    r"\buntil (?:we|i|the \w+) (?:receive|have received|receives?) (?:the |this |that |your )?"
    r"(?:further (?:information|details)|clarification)",
    r"\bwhat (?:exactly )?(?:do you|you) mean by\b",
    r"\bclarify (?:what|which|exactly what) (?:information|records|you)",
    r"\bin order to (?:identify|locate|process) .{0,60}(?:please|we need|could you)",
    # "Could you please indicate whether you are interested in ...", "please confirm whether you
    # are seeking X only or all Y": the scope is asked for, one item at a time
    r"\b(?:please|(?:could|can|would) you(?: please)?) (?:confirm|indicate|specify|let us know|tell us)"
    r" (?:whether|which|if|what) you (?:are|were) (?:seeking|interested|requesting|asking|looking)\b",
)

#: Neither confirm nor deny (UK s1(1)(a) duty, US Glomar).
NCND: Final = _table(
    r"\bneither confirms? nor den(?:y|ies)\b",
    r"\bcan(?:not|'t)? (?:neither )?confirm or deny\b",
    r"\bNCND\b",
    r"\bglomar\b",
)

#: A procedural refusal: cost / appropriate limit, unduly burdensome, vexatious, repeated.
REFUSED: Final = _table(
    r"\bexceed(?:s|ed|ing)? (?:the )?(?:appropriate|cost|fees?) (?:limit|level)",
    r"\b(?:appropriate|cost) limit\b",
    r"\bcost of compliance\b",
    # "s12" alone is also a postcode district, so the short form needs its subsection
    r"\bsection 12 ?\(\d\)|\bsection 12\b(?! ?\(4\))|\bs\.? ?12 ?\([123]\)|\bs\. 12\b",
    r"\bregulation 12 ?\(4\) ?\(b\)",
    r"\bunduly burdensome\b|\bundue burden\b",
    r"\bvexatious\b",
    r"\brepeated requests?\b",
    r"\bmanifestly unreasonable\b",
    r"\bpractical refusal reason\b",
    r"\bnot obliged to (?:supply|provide|comply)\b",
    r"\b(?:not|unable to) (?:be )?(?:able to )?comply with (?:this |that |your |part )",
)

#: A request (or appeal) denied without a procedural ground named: a refusal unless exemption
#: language says what it is withheld under (then the answer is withheld, GOLD.md).
DENIED: Final = _table(
    r"\b(?:is|are|be|being) (?:hereby )?denied\b",
    # "your request for this information is refused under section 18(f)" (NZ OIA, AU, IE)
    r"\b(?:request|part of (?:your|the|this) request)(?: for [\w ]{1,40}?)? (?:is|are|has been)"
    r" (?:hereby )?refused\b",
    r"\bdenied in (?:its )?(?:entirety|full)\b",
)

#: The whole request is refused or denied: no answer-level "disclosed" default outweighs it.
WHOLE_REFUSAL: Final = _table(
    r"\b(?:denied|refused|withheld|declined) in (?:its|their) entirety\b",
    r"\b(?:decided|decision|determined) to (?:refuse|deny|decline) (?:your|the|this)"
    r" (?:request|application)\b"
    r"(?! (?:for|in respect of|in relation to|as regards) (?:part|question|item|point))",
    r"\b(?:applies|apply) to (?:both|all) (?:parts|elements|items) of (?:your|the) request\b",
)

#: A release only weighed or promised for later ("considered whether any portion could be
#: released with redactions", "you may make a new request once it closes"): nothing given now.
HYPOTHETICAL_RELEASE: Final = _table(
    r"\bwhether (?:any|some|the|a|these|those|it|they)\b",
    r"\b(?:could|would|might|can) (?:not )?be (?:released|disclosed|provided|made available)\b",
    r"\bno (?:portion|part|segment)s? (?:of [^.]{1,40})?(?:can|could|may)\b",
    r"\b(?:a|your) (?:new|fresh|further|future) request\b",
)

#: Information kept back under an exemption (or exception).
WITHHELD: Final = _table(
    r"\bexempt (?:from (?:disclosure|release)|under)\b",
    r"\b(?:is|are|being|considered|therefore|remains?) exempt\b",
    r"\bwithh[eo]ld(?:ing)?\b",
    r"\bwithheld\b",
    r"\brefusal notice\b",
    r"\b(?:the )?exemptions? (?:has|have) been applied\b|\bapplied the exemptions?\b",
    r"\bexceptions? (?:at|under|in) regulation\b|\bregulation \d+ ?\(\d\) ?\([a-z]\) (?:applies|is engaged)",
    r"\bmaintaining the (?:exemption|exception)\b",
    r"\binformation should be refused\b",
    r"\bredact(?:ed|ions?)\b",
    r"\bby virtue of (?:section|s\.?|regulation|exemption) ?\d",
    r"\bcannot (?:be )?(?:release|disclose)d?\b",
    r"\b(?:not|unable) to (?:release|disclose)\b(?! (?:this|the)"
    r" (?:information|records) because (?:we|it) (?:do|does) not)",
)

#: No recorded information is held (not "there is no such thing", which is an answer).
NOT_HELD: Final = _table(
    r"\b(?:information|data|records?)(?: (?:you(?:'ve| have)? requested|requested|sought|asked for))?"
    r" (?:is|are|was|were) (?:therefore |thus |consequently |also |simply )?not held\b",
    r"\binformation not held\b|\bnot held by\b",
    r"\b(?:do|does|did) not hold (?:any |an? |the |this |that |such |recorded |relevant |specific )*"
    r"(?:recorded )?(?:information|data|records?|details|documents?)\b",
    r"\bholds? no (?:recorded )?(?:information|data|records?)\b",
    r"\bno (?:recorded )?information (?:is |was )?held\b",
    r"\bno (?:responsive )?records? (?:responsive|were|was|could|have been|has been|that)\b",
    r"\bno records? (?:were|was) (?:found|located|identified)\b",
    r"\bhas no records\b|\bhave no records\b",
    r"\bno (?:documents?|records?|information) (?:were|was) (?:found|located|identified)\b",
    r"\bno (?:[^\s.]+ ){0,4}?(?:records?|documents?|information|files?|e-?mails?|data|requests?|results?"
    r"|correspondence)\b"
    r"[^.]{0,100}? (?:were|was|could be|have been|has been) (?:found|located|identified)\b",
    r"\bthere (?:are|were|is) no (?:responsive )?records\b",
    r"\bbecause (?:we|it|the \w+) (?:do|does) not have (?:it|this|that|the information)\b",
    r"\b(?:we|i) (?:do|does) not have (?:any |the |this |that )?(?:recorded )?(?:information|data|records)\b",
    # US search results: "did not locate any records", "found no responsive documents"
    r"\b(?:did not|could not|was unable to|were unable to|failed to) (?:locate|find|identify)"
    r" any (?:responsive |relevant )?(?:records?|documents?|information)\b",
    r"\b(?:located|found|identified) no (?:responsive |relevant )?(?:records?|documents?|information)\b",
    # IE FOI s15(1)(a), NZ OIA s18(e), AU FOI s24A: the record "does not exist or cannot be found"
    r"\b(?:records?|documents?)(?: (?:sought|requested|you (?:have )?requested|concerned))?"
    r" (?:does|do) not exist\b",
    r"\bno (?:such )?(?:records?|documents?) (?:exists?|can be found)\b",
    # "not whether the rate was above the cap, and this cannot be derived from the information
    # we hold": the part asked about is not recorded
    r"\bcannot be (?:derived|determined|identified|established) from (?:the |any )?"
    r"(?:information|data|records) (?:we hold|(?:that )?(?:is|are) held|held)\b",
)

#: Citations of the provisions that mean "not held" (EIR reg 12(4)(a), EISR reg 10(4)(a),
#: NZ OIA s18(e)/(g), IE FOI s15(1)(a), AU FOI s24A): a sentence citing one refuses because
#: nothing is held, so it is no evidence of withholding.
NOT_HELD_GROUND: Final = _table(
    r"\b(?:regulation|reg\.?|r\.) ?(?:12 ?\(4\)|10 ?\(4\)) ?\(a\)",
    r"\b(?:section|s\.?) ?18 ?\((?:e|g)\)",
    r"\b(?:section|s\.?) ?15 ?\(1\) ?\(a\)",
    r"\b(?:section|s\.?) ?24A\b(?! ?\()",
)

#: A pointer to information already published (FOIA s21 "reasonably accessible").
PUBLISHED: Final = _table(
    # not "the national standards, which are published on GOV.UK": a source named in passing
    r"(?<!\bwhich )\b(?:is|are|has been|have been) (?:already )?published\b",
    r"\b(?:have|has) published\b",
    r"\bin the public domain\b",
    # not "will soon be publicly available" (NZ s18(d), UK s22): not published yet
    r"(?<!will be )(?<!soon be )(?<!shortly be )(?<!later be )\b(?:publicly|freely|reasonably)"
    r" (?:available|accessible)\b",
    r"\bavailable (?:on|via|at|from|through) (?:our|the|their|its)"
    r" (?:website|web ?site|link|page|publication)",
    r"\bavailable via the (?:link|url)\b",
    r"\bsection 21 ?\(1\)|\bs\.? ?21 ?\(1\)|\bsection 21\b(?= (?:exemption|applies|has been applied|"
    r"of the (?:freedom of information|foi) act))",
    r"\b(?:see|via|at|follow) the (?:below |following |above )?link\b|\blink below\b",
    r"\bcan be (?:found|accessed|viewed) (?:at|on|via) (?:https?://|www\.|our website|the website)",
)

#: Not a request for recorded information (future plans, opinions, outside the Act).
OUTSIDE_SCOPE: Final = _table(
    r"\b(?:falls?|fall|is|are) outside (?:the scope of )?(?:the|this)"
    r" (?:act|regulations|foia|freedom of information)",
    r"\bnot (?:a )?(?:valid )?request(?:s)? for (?:recorded )?information\b",
    r"\b(?:asking|ask) about future\b|\bfuture information\b",
    r"\bnot (?:covered by|within the scope of|subject to) the (?:act|foia|freedom of information act)\b",
    r"\bdoes not (?:require|oblige) .{0,40}(?:to )?(?:answer"
    r" questions|express (?:an )?opinions?)\b",
)

#: "The Act does not require us to create records": beside a search that found nothing it only
#: explains why nothing is given (not held); alone it says the request asks for new information.
NO_DUTY_TO_CREATE: Final = _table(
    r"\bdoes not (?:require|oblige) .{0,40}(?:to )?create (?:new )?(?:information|records|documents)\b",
)

#: Contrast that turns a negative opening into an answer after all ("Notwithstanding, ...").
CONCESSION: Final = _table(
    r"\bnotwithstanding\b",
    r"\bin a good faith effort\b",
    r"\bas a courtesy\b",
    r"\bhowever,? (?:we|i) (?:can|are able to|have|am able to)"
    r" (?:provide|confirm|tell|inform|advise|release)",
    r"\bhowever,? in a\b",
)

#: Information (or a document holding it) is given.
GIVEN: Final = _table(
    r"\b(?:see|find) (?:the )?(?:requested |relevant )?(?:information|data|details|figures|documents?|"
    r"spreadsheets?|files?|records?|answers?)? ?(?:contained )?(?:with)?in (?:the )?attached\b",
    r"\b(?:please )?(?:see|find) (?:the |our )?attached\b",
    r"\battached (?:please find|is|are|you will find)\b",
    r"\b(?:is|are) (?:now )?attached\b",
    r"\b(?:i|we) (?:have|has) attached\b(?! (?:my|our|the) (?:formal"
    r" |full )?(?:response|letter|decision|reply)\b)",
    r"\bon the attached\b",
    r"\bspreadsheets? (?:is|are) (?:attached|enclosed)\b",
    r"\benclosed (?:please find|is|are|records|documents|material)\b",
    r"\b(?:is|are) enclosed\b",
    r"\b(?:is|are) provided in the (?:attached|enclosed|spreadsheet|table|document|file)",
    # "no information will be released" is a refusal
    r"(?<!\bno information )(?<!\bno records )(?<!\bnothing )(?<!\bnot )\bwill be released\b",
    r"\b(?:released|releasable|disclosed) (?:to you )?in full\b|\bgranted in full\b",
    r"\b(?:request|it) (?:is|has been) granted\b|\bgranting your request\b",
    r"\b(?:we|i|\w+) (?:is|are|am) (?:hereby )?(?:now )?(?:providing|releasing|enclosing|sending) you\b",
    r"\bby sending you\b",
    r"\b(?:are|is|am) (?:hereby )?(?:now )?releasing (?:\d+|all|the|these|those|this|it|them)\b",
    r"\b(?:you are|you're) being provided with\b",
    r"\bwill provide you with\b",
    r"\b(?:have|has) (?:today )?decided to (?:disclose|release)\b",
    # Australian / NZ / Irish notices of decision: "I have decided to grant access to this document"
    r"\bgrant(?:ed|ing)? (?:you )?(?:full )?access\b(?! in part)",
    r"\bplease see (?:the )?(?:data|information|figures|details|table|spreadsheet)\b",
    r"\b(?:the )?information (?:you (?:asked|requested)|requested)"
    r" (?:is|are) (?:below|attached|as follows)\b",
    r"\binformation (?:is|are) available via\b",
    r"\b(?:the )?information you asked for\b",
    r"\bin the form of (?:an? )?(?:\w+ )?(?:spreadsheets?|tables?|csv|excel)\b",
    r"\bi (?:believe|trust) (?:that )?i have complied\b",
    r"\breleased? (?:in part|with redactions)\b",
    # a record released with parts kept back still gives information (NZ s17 "deletions")
    r"\b(?:released|disclosed|provided) (?:to you )?(?:with|subject to) (?:some |certain |minor |limited )?"
    r"(?:information|details|parts|portions|redactions|deletions)\b",
    r"\bthe enclosed (?:documents?|records?|material)\b",
    r"\b(?:set out|shown|contained|included|listed|detailed|summari[sz]ed) (?:in|on) the"
    r" (?:attached|enclosed)\b",
)

#: The reply itself is set out below (question-by-question letters): a weak sign of an answer.
RESPONSE_FOLLOWS: Final = _table(
    r"\b(?:see|find) (?:below )?our (?:response|reply|answers?)\b",
    r"\bour (?:response|reply|answers?)(?: to your"
    r" (?:request|questions?))?(?: is| are)? (?:below|as follows)\b",
    r"\bresponses? (?:is|are) (?:below|as follows)\b",
    r"\bresponse to your (?:request|questions?) (?:is )?(?:below|as follows)\b",
    r"\bour (?:response|reply):",
    r"\bwe are pleased to (?:respond|provide)\b",
)

#: Only some of what was asked is given.
PARTIAL: Final = _table(
    r"\bpartial(?:ly)? (?:granted|disclos\w*|release\w*|grant)\b",
    r"\bgranted in part\b|\bwithheld in part\b|\brelease(?:d|able) in part\b",
    r"\bgrant(?:ed|ing)? (?:you )?(?:partial access|access in part)\b",
    r"\bsome (?:of the )?(?:requested )?(?:information|data|records) (?:has|have) been (?:withheld|redacted)",
    r"\bdecided to disclose some\b",
    r"\binterim (?:release|response)\b",
    r"\bcertain (?:of the )?information you requested\b",
    r"\bwill only (?:reflect|include|show|contain)\b",
)

#: Not a decision: acknowledgement, extension, holding reply, transfer.
PENDING: Final = _table(
    r"\bwill be (?:dealt with|considered|processed)\b",
    r"\b(?:aim|expect|intend) to (?:send|provide|respond|reply)\b",
    r"\bmust respond to you within\b",
    r"\b(?:has|have) been logged\b",
    r"\backnowledge (?:receipt|your request)\b",
    r"\b(?:are|is) (?:currently )?(?:processing|considering) your request\b",
    r"\b(?:invoking|need|require) an? extension\b|\bextend(?:s|ing)? the (?:time|deadline)\b",
    r"\banticipates? (?:providing|issuing|making) (?:a |its |our )?(?:determination|decision)\b",
    r"\b(?:get|send) you (?:the |a |our )?(?:revised |full )?response by\b",
    r"\b(?:transferred|forwarded|referred) (?:your|the|this) (?:request|enquiry)(?: \w+)? to\b",
    r"\bresponse (?:to your request )?will be forthcoming\b",
    r"\bmore time to consider the public interest\b",
    # US fee-estimate and processing-track notices: no decision on the records yet
    r"\bestimated? (?:the )?(?:total )?fees?\b|\bfee estimate\b|\badvance payment\b",
    r"\b(?:placed|assigned|moved) (?:in|into|to) the (?:complex|simple|expedited|standard)"
    r" (?:processing )?(?:track|queue)\b",
    r"\b(?:remain|be placed|is|are) on hold\b",
)

#: The request was passed to another authority, which will answer it: the letter is "other"
#: (GOLD.md) even when it also says this authority holds nothing.
TRANSFERRED: Final = _table(
    r"\b(?:have|has) (?:now )?(?:transferred|forwarded|passed) (?:your|the|this) request\b",
    r"\b(?:your|the|this) request (?:has|have) (?:now )?been (?:transferred|forwarded|passed)\b",
    r"\bwill (?:respond|reply|answer) (?:to you )?directly\b",
    # "I have decided to transfer your request to X under section 14" (NZ OIA, Australian FOI)
    r"\b(?:decided|decision|agreed) to (?:transfer|forward) (?:your|the|this) request\b",
    r"\bwill hear from (?:the|them|that|it)\b[^.]{0,40}\bdirectly\b",
)

#: Sentences that only describe rights, re-use or mail handling: never evidence of an outcome.
BOILERPLATE: Final = _table(
    r"\bif you (?:are|remain|feel|wish|were)\b.{0,60}(?:unhappy|dissatisfied|not (?:satisfied|content)|"
    r"complain|appeal|review|not been dealt)",
    r"\b(?:right|entitled) to (?:request|ask for|an?|appeal|complain|seek|apply|have)\b",
    r"\binternal review\b.{0,80}\b(?:within|by writing|by replying|should be|at the)\b",
    r"\binformation commissioner\b",
    r"\bpublic access counselor\b",
    r"\bjudicial review\b",
    r"\bto the extent that you consider\b",
    r"\b(?:you may|you can|may) (?:file|submit|lodge|make) an appeal\b|\bappeal (?:must|should) be\b",
    r"\bdispute resolution\b|\bOGIS\b|\bpublic liaison\b",
    r"\bre-?use\b|\bopen government licen[cs]e\b|\bcopyright\b",
    r"\bintended (?:solely|only) for\b|\bviruses?\b|\bmisdirected\b",
    r"\bnot a private transaction\b",
    r"\bexemptions? (?:may|might|could) apply\b|\bunless an? (?:appropriate )?exemption applies\b",
    r"\bshould not be taken as an indication\b|\bexcluded three discrete categories\b",
    r"\bexplanation of exemptions\b",
    r"\bduty to (?:provide advice|confirm or deny)\b",
    # the closing note that the public interest test was weighed (NZ OIA s9(1), UK qualified
    # exemptions) repeats a decision stated elsewhere, and a grouped answer may carry it
    r"\b(?:have|has) (?:also )?(?:considered|weighed) (?:whether )?the public interest\b",
    r"\bin the event that\b.{0,80}\bdenied\b",
    # a fee waiver or fee category decision is no decision on the records asked for
    r"\bfee waiver\b|\bfee category\b",
    # a form or leaflet sent with the letter is no information given
    r"\b(?:forms?|leaflets?|fact ?sheets?|guidance notes?|information sheets?) (?:is|are)"
    r" (?:enclosed|attached)\b",
    r"\b(?:enclosed|attached) (?:is|are|please find) (?:an? |the |our )?(?:[\w-]+ ){0,3}"
    r"(?:forms?|leaflets?)\b",
)

#: Sentences saying that nothing was kept back ("no exemptions have been applied"): they hold
#: the words of a refusal but are no evidence of one.
NOTHING_WITHHELD: Final = _table(
    r"\bno (?:exemptions?|exceptions?|redactions?) (?:has |have |had |were |was )?(?:been )?"
    r"(?:applied|used|relied|made|engaged)\b",
    r"\b(?:nothing|no (?:information|data|records?)) (?:(?:has|have) been|was|were) (?:withheld|redacted)\b",
    r"\b(?:we|i) (?:are|am) not (?:refusing|withholding)\b",
    # a caution about a class of records in general, not a decision on these ones: "Please be
    # aware that many records about individual students are confidential under FERPA"
    r"^please (?:be aware|note) that (?:many|some|certain|most|any) (?:of the )?"
    r"(?:\w+ )?(?:records|information|documents)\b",
)

# The lines that open a quoted earlier message (and a thread page's "show quoted sections"
# fold) are shared with the segment and extract stages: see foiparse.paragraphs.

#: WhatDoTheyKnow-style thread pages: each message ends with this line.
THREAD_MESSAGE_END: Final = re.compile(r"^link to this$", re.IGNORECASE | re.MULTILINE)

#: A thread page's one-line message heading, "From: FOI, Department of X Date: 18 September 2024"
#: (sender and date on one line, unlike an e-mail's quoted header block).
THREAD_MESSAGE_HEAD: Final = re.compile(
    r"^from: [^\n]{1,120}? date: [^\n]{4,40}$", re.IGNORECASE | re.MULTILINE
)

#: Marks a message in a thread page as written by the requester, not the authority.
REQUESTER_MESSAGE: Final = _table(
    r"\bmail server logs\b",
    r"^delivered$",
    r"\bplease pass this on to the person who conducts\b",
    r"\bi am writing to request an internal review\b",
)

#: "For part A – ..." inside a grouped answer: that passage belongs to sub-question A.
PART_MARKER: Final = re.compile(
    r"\bfor (?:part|question) ?\(?([a-z]|[ivx]+|\d+[a-z]?)\)?\s*[-–—:,]\s*", re.IGNORECASE
)

#: A question named in a sentence ("at question 2", "parts (b) and (c)" names b only; enough to
#: tell a sentence about another question).
_QID = r"\(?(?:\d{1,2}[a-z]?|[a-z](?![\w'])|[ivx]{1,4}(?![\w']))\)?"
QUESTION_REF: Final = re.compile(
    rf"\b(?:questions?|q|parts?|items?|points?)\s*({_QID}(?:\s*(?:,|and|&|or|to|-|–)\s*{_QID})*)",
    re.IGNORECASE,
)
#: What separates the ids of a :data:`QUESTION_REF` list (captured: "to" and dashes make ranges).
QUESTION_SEP: Final = re.compile(r"\s*(,|\band\b|&|\bor\b|\bto\b|-|–)\s*", re.IGNORECASE)

#: FOIA s21 / FOISA s25: exempt because the requester can get the information elsewhere.
ACCESSIBLE_ELSEWHERE: Final = _table(
    r"\b(?:reasonably|otherwise|already|readily) (?:be )?accessible\b",
    r"\baccessible (?:to you|to the (?:applicant|requester)) (?:by|through) other means\b",
)

#: Sentences that only open an answer ("Thank you for your request", "In response to your
#: question", a bare "Yes."): a pointer to published information after one still leads the answer.
LEAD_IN: Final = _table(
    r"^(?:yes|no)\W*$",
    r"^(?:thank you|thanks|in (?:response|reply|answer|relation|respect)|with (?:regard|respect|reference)"
    r"|regarding|further to|please note|i can confirm|we can confirm|i am writing|we are writing)\b",
)

#: FOIA s21 / FOISA s25 cited as the ground: with such a pointer relied on, the sentence citing it
#: points to published information rather than withholding anything.
POINTER_SECTION: Final = _table(r"\b(?:section|s\.?) ?(?:21|25)\b(?! ?\((?:[2-9])\))")

#: Any provision cited (to tell a sentence citing s21 alone from one citing s21 and s40).
ANY_SECTION: Final = re.compile(r"\b(?:sections?|s\.?|regulations?|reg\.?) ?(\d+)", re.IGNORECASE)

#: Sentence boundary in squeezed text.
SENTENCE_END: Final = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“(]?[A-Z0-9•])|(?:\s*[•●]\s+)")
