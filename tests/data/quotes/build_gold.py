"""Builds gold.jsonl (the dev-set format of shared/dev/README.md, `"complete": true`) from the
articles beside this file and the attributions coded below, so that the offsets are computed, not
typed. Each attribution: speaker (the full name, or the phrase for an unnamed source), the content
fragments as they stand in the article (direct quotes with their quotation marks), direct or not.
Coded by hand for tacitus as a careful coder would (PolNeAR's conventions: a partial quote is the
whole attributed phrase, marked direct). Run: python tests/data/quotes/build_gold.py"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
D, IND = True, False

CODED = {
    "border": ("2024-03-11", [
        ("officials on both sides", ["Ethiopian and Sudanese troops exchanged fire for several hours on Sunday in the disputed al-Fashaga border area, killing at least nine soldiers"], IND),
        ("Each government", ["of starting the clash"], IND),
        ("Legesse Tulu", ["Sudanese units had crossed into farmland tilled by Ethiopian farmers before dawn and opened fire on a militia post"], IND),
        ("Legesse Tulu", ["“Our forces acted in self-defence and pushed the intruders back across the line,”", "“Ethiopia does not want war, but it will not give up a single field.”"], D),
        ("Nabil Abdallah", ["Ethiopian militiamen backed by regular troops had attacked an army position near the village of Barakat Nourein"], IND),
        ("Nabil Abdallah", ["“This was a planned assault, not an accident,”", "“Our soldiers repelled it, and six of the attackers were killed.”"], D),
        ("Nabil Abdallah", ["three Sudanese soldiers had died and eleven were wounded"], IND),
        ("Legesse Tulu", ["the Ethiopian side had lost “a small number” of militiamen"], D),
        ("Nabil Abdallah", ["the army would “remain in every inch of our land”"], D),
        ("Nabil Abdallah", ["the Ethiopian statement “a collection of lies.”"], D),
        ("Legesse Tulu", ["Addis Ababa was ready to return to talks under the African Union but would not withdraw its farmers"], IND),
        ("Amina Yusuf", ["the shelling began shortly after sunrise"], IND),
        ("Amina Yusuf", ["“We heard the big guns first, then the machine guns. We took the children and ran to the river,”", "“Nobody told us anything. We still do not know if our houses are standing.”"], D),
        ("Aid groups", ["hundreds of families had fled toward Gedaref town"], IND),
        ("the Norwegian Refugee Council", ["about 2,000 people crossed into the town by Monday evening"], IND),
        ("The African Union", ["both sides to show restraint"], IND),
        ("Moussa Faki Mahamat", ["that he was “deeply concerned” by the fighting"], D),
        ("Moussa Faki Mahamat", ["the two governments to return to dialogue"], IND),
        ("Analysts", ["the clash reflected pressures on both governments"], IND),
        ("Rashid Abdi", ["neither capital could be seen to back down"], IND),
        ("Rashid Abdi", ["“Both governments are weak at home, and the border is an easy place to look strong,”", "“That is what makes it dangerous.”"], D),
        ("Legesse Tulu", ["that calm had returned"], IND),
        ("Legesse Tulu", ["that Ethiopia would respond “with full force” to any new incursion"], D),
        ("Nabil Abdallah", ["the army remained on alert"], IND),
    ]),
    "farm": ("2024-02-08", [
        ("The Environment Agency", ["the Severn peaked at Shrewsbury on Tuesday night at 5.2 metres, close to the record set in 2000"], IND),
        ("the county's fire service", ["More than 400 homes in Shropshire were flooded, and two people were rescued from cars on flooded roads"], IND),
        ("Robert Whitlock", ["he had seen floods before but never one that came so fast"], IND),
        ("Robert Whitlock", ["“In 2000 we had a day to get the cattle up the hill. This time we had four hours,”", "“My father would not have believed it.”"], D),
        ("James Whitlock", ["the agency had cut back dredging and maintenance on the river over the past decade and had ignored warnings from farmers downstream"], IND),
        ("James Whitlock", ["“We told them in the spring that the banks were going,”", "“We wrote letters, we went to the meetings, we showed them the photographs.\n\n“Nobody came. Now they come, with their clipboards, after the water has gone.”"], D),
        ("Helen Marsh", ["spending on flood defences in the county had risen and that the banks near the farm had been inspected in May"], IND),
        ("Helen Marsh", ["“No amount of dredging would have held back a flood of this size,”", "“The rain that fell on the Welsh hills last weekend was exceptional.”"], D),
        ("Claire Whitlock", ["the family had lost about 60 tonnes of stored silage and much of the stock in the shop, and that their insurance would not cover the land"], IND),
        ("Claire Whitlock", ["“The house we can clean. The fields are another matter,”", "“It will be a year before the grass is right again, and the cows need feeding every day.”"], D),
        ("Claire Whitlock", ["neighbours had turned up with trailers and dry bedding for the animals"], IND),
        ("Claire Whitlock", ["the help as “the only good thing about this week.”"], D),
        ("The National Farmers' Union", ["hundreds of farms along the Severn and the Wye had been affected"], IND),
        ("Tom Price", ["that many farmers faced months without income"], IND),
        ("Tom Price", ["“These are businesses that were already on the edge,”", "“A flood like this can be the end of them.”"], D),
        ("The government", ["that flooded farms could apply for grants of up to 25,000 pounds"], IND),
        ("A spokeswoman for the Department for Environment, Food and Rural Affairs", ["the scheme would open next week"], IND),
        ("Robert Whitlock", ["he would not leave"], IND),
        ("Robert Whitlock", ["“Whitlocks have been on this land since before the war,”", "“We will dry it out and we will start again. That is what farmers do.”"], D),
    ]),
    "court": ("2024-11-26", [
        ("the government", ["it would appeal at once"], IND),
        ("Mary Wanjiru", ["that the 1.5 percent levy had been introduced without a proper legal framework and that it unfairly singled out workers in formal employment"], IND),
        ("Mary Wanjiru", ["the government to stop collecting it until a full hearing in March"], IND),
        ("Mary Wanjiru", ["“A tax cannot be imposed on one class of citizens while others who earn as much are left out,”", "“That is discrimination, and the Constitution does not allow it.”"], D),
        ("opposition leaders", ["the housing plan “a scheme to enrich contractors.”"], D),
        ("Njuguna Ndung'u", ["the ruling put at risk a programme that had already begun to employ tens of thousands of young people on building sites"], IND),
        ("Njuguna Ndung'u", ["“We respect the courts, but we believe the judge was wrong on the law,”", "“We will file our appeal today, and we are confident that the Court of Appeal will restore the levy.”"], D),
        ("Njuguna Ndung'u", ["the Treasury had collected about 30 billion shillings from the levy since July and that the money was held in a separate fund"], IND),
        ("Francis Atwoli", ["“Today the court has listened to the workers,”", "“For months we have been told that we must pay and keep quiet. We will not keep quiet.”"], D),
        ("Francis Atwoli", ["the unions were not against housing but wanted the cost shared fairly"], IND),
        ("Francis Atwoli", ["the government to “sit down with us instead of running to the Court of Appeal.”"], D),
        ("Raila Odinga", ["that the judgment was “a victory for every Kenyan who lives on a salary.”"], D),
        ("Some economists", ["that the dispute could unsettle investors at a time when Kenya is struggling with heavy debt repayments"], IND),
        ("the central bank", ["the country must repay about 2 billion dollars to bondholders next year"], IND),
        ("Aly-Khan Satchu", ["“The government needs every shilling it can raise, and the markets know it,”"], D),
        ("Aly-Khan Satchu", ["the uncertainty would make borrowing more expensive"], IND),
        ("Isaac Mwaura", ["that the housing programme would continue regardless of the ruling"], IND),
        ("Isaac Mwaura", ["building work on about 40,000 units would not stop"], IND),
        ("Isaac Mwaura", ["“The houses are being built. The workers on those sites will be paid,”", "“Nothing in this judgment changes that.”"], D),
        ("William Ruto", ["that “no one will stop this programme.”"], D),
    ]),
}


def record(name: str, published: str, coded: list) -> dict:
    raw = (HERE / f"{name}.txt").read_text(encoding="utf-8")
    title, _, body = raw.partition("\n\n")
    quotes, pos = [], 0
    for speaker, frags, direct in coded:
        spans = []
        for f in frags:
            i = body.find(f, pos if not spans else spans[-1][1])
            if i < 0:
                i = body.find(f)
            if i < 0:
                raise SystemExit(f"{name}: not found: {f!r}")
            spans.append([i, i + len(f)])
        pos = spans[0][0]
        quotes.append({"content_start": spans[0][0], "content_end": spans[-1][1], "content_spans": spans,
                       "direct": direct, "speaker": speaker})
    return {"id": f"tacitus-quotes:{name}", "dataset": "tacitus-quotes", "title": title.strip(), "text": body,
            "published": published, "url": None, "meta": {"file": f"{name}.txt"},
            "gold": {"complete": True, "quotes": quotes}}


def main() -> None:
    with (HERE / "gold.jsonl").open("w", encoding="utf-8") as fh:
        for name, (published, coded) in CODED.items():
            fh.write(json.dumps(record(name, published, coded), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
