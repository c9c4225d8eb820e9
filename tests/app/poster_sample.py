"""A realistic 7-stage map for poster checks: ~60 cards, a persona with a photo, metrics."""

from __future__ import annotations

import datetime as dt
import io

from PIL import Image, ImageDraw

from model.edits import Editor
from model.images import prepare_photo
from model.store import Project

Q = ("\u201c", "\u201d")  # typographic quotes round a customer's thought

# stage -> lane kind -> [(kind, text, severity)]
CARDS: dict[str, dict[str, list[tuple[str, str, int | None]]]] = {
    "Awareness": {
        "actions": [("action", "Sees a friend's post about the new running shoes", None),
                    ("action", "Searches the brand name on her phone", None)],
        "thoughts": [("thought", "Are these worth twice the price of my old pair?".join(Q),
                      None)],
        "touchpoints": [("touchpoint", "Instagram story ad", None),
                        ("touchpoint", "Search results page", None)],
        "channels": [("touchpoint", "Social media, mobile web", None)],
        "pain_points": [("pain_point", "Ad links to the home page, not to the shoe", 2)],
        "opportunities": [("opportunity", "Deep-link every campaign to its product page", None)],
        "backstage": [("backstage", "Campaign manager sets up targeting by interest", None)],
    },
    "Consideration": {
        "actions": [("action", "Compares three models side by side", None),
                    ("action", "Reads reviews about sizing", None)],
        "thoughts": [("thought", "\u201cWill a 39 fit me like in my usual brand?\u201d", None)],
        "touchpoints": [("touchpoint", "Product page with size guide", None),
                        ("touchpoint", "Review widget", None)],
        "channels": [("touchpoint", "Mobile web", None)],
        "pain_points": [("pain_point", "Size guide is a PDF that does not open on the phone", 4)],
        "opportunities": [("opportunity", "Interactive fit finder based on her current shoes",
                           None)],
        "backstage": [("backstage", "Reviews moderated once a week", None)],
    },
    "Purchase": {
        "actions": [("action", "Adds the shoes to the basket", None),
                    ("action", "Creates an account to pay", None)],
        "thoughts": [("thought", "Why do I need an account just to buy one pair?".join(Q),
                      None)],
        "touchpoints": [("touchpoint", "Checkout, 5 steps", None)],
        "channels": [("touchpoint", "Mobile web", None)],
        "pain_points": [("pain_point", "Forced sign-up; half of first-time buyers leave here", 5),
                        ("pain_point", "Delivery cost shown only at the last step", 4)],
        "opportunities": [("opportunity", "Guest checkout with optional account afterwards", None)],
        "backstage": [("backstage", "Payment provider checks fraud score", None)],
    },
    "Onboarding": {
        "actions": [("action", "Receives the order confirmation e-mail", None),
                    ("action", "Tracks the parcel", None)],
        "thoughts": [("thought", "\u201cGood, it ships tomorrow.\u201d", None)],
        "touchpoints": [("touchpoint", "Confirmation e-mail", None),
                        ("touchpoint", "Carrier tracking page", None)],
        "channels": [("touchpoint", "E-mail, SMS", None)],
        "pain_points": [("pain_point", "Tracking link expires before the parcel arrives", 2)],
        "opportunities": [("opportunity", "Tracking inside our own order page", None)],
        "backstage": [("backstage", "Warehouse picks and packs within 24 h", None)],
    },
    "Usage": {
        "actions": [("action", "First run in the new shoes", None)],
        "thoughts": [("thought", "\u201cSo light! My knees feel better already.\u201d", None)],
        "touchpoints": [("touchpoint", "Running app integration", None)],
        "channels": [("touchpoint", "Mobile app", None)],
        "pain_points": [],
        "opportunities": [("opportunity", "Care tips after 100 km", None)],
        "backstage": [("backstage", "App syncs distance per pair", None)],
    },
    "Support": {
        "actions": [("action", "Wants to exchange for half a size up", None),
                    ("action", "Calls the hotline", None)],
        "thoughts": [("thought", "\u201cI just want the next size, not a refund.\u201d", None)],
        "touchpoints": [("touchpoint", "Returns portal", None),
                        ("touchpoint", "Hotline", None)],
        "channels": [("touchpoint", "Phone, web", None)],
        "pain_points": [("pain_point",
                         "Exchange means refund and re-order: 12 days without shoes", 5)],
        "opportunities": [("opportunity", "One-click size exchange, new pair sent first", None)],
        "backstage": [("backstage", "Returns handled by an external partner", None)],
    },
    "Loyalty": {
        "actions": [("action", "Recommends the shoes to her running club", None)],
        "thoughts": [("thought", "\u201cI'd buy again if exchanges were easier.\u201d", None)],
        "touchpoints": [("touchpoint", "Referral e-mail", None)],
        "channels": [("touchpoint", "E-mail", None)],
        "pain_points": [("pain_point", "Referral code only works on full-price items", 2)],
        "opportunities": [("opportunity", "Club discount for groups of five", None)],
        "backstage": [("backstage", "CRM segments by purchase count", None)],
    },
}

EMOTION = {"Awareness": (2, "Curious"), "Consideration": (1, ""),
           "Purchase": (-4, "Gives up at the sign-up wall, comes back a day later"),
           "Onboarding": (2, ""), "Usage": (5, "Delighted on the first run"),
           "Support": (-3, "Twelve days without shoes"), "Loyalty": (3, "")}


def portrait() -> bytes:
    """A simple drawn portrait (no real person): face, hair and shirt on a soft background."""
    img = Image.new("RGB", (400, 400), (214, 232, 245))
    d = ImageDraw.Draw(img)
    d.ellipse((60, 250, 340, 520), fill=(63, 127, 214))  # shoulders
    d.rectangle((170, 200, 230, 280), fill=(224, 172, 138))  # neck
    d.ellipse((120, 70, 280, 250), fill=(92, 58, 40))  # hair
    d.ellipse((135, 95, 265, 245), fill=(236, 188, 155))  # face
    d.ellipse((168, 150, 182, 164), fill=(40, 40, 40))
    d.ellipse((218, 150, 232, 164), fill=(40, 40, 40))
    d.arc((175, 175, 225, 215), 20, 160, fill=(150, 60, 60), width=4)
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


def build(project: Project) -> int:
    editor = Editor(project.session, project.changes)
    journey_id = editor.add_journey("cjm7", "Buying running shoes online")
    persona_id = editor.add_persona({
        "name": "Lena Hoffmann", "role": "Weekend runner, 34",
        "quote": "I know my size in my old brand. I just want the new one to fit.",
        "goals": "Buy a good pair without a trip to the shop\nRun her first half marathon",
        "needs": "Sure sizing before she pays\nEasy exchange if it does not fit",
        "frustrations": "Forced accounts; hidden delivery costs",
        "photo": prepare_photo(portrait()),
    })
    editor.update_journey(journey_id, {
        "objective": "Find out why first-time buyers abandon checkout and what brings them back.",
        "persona_id": persona_id,
        "next_review": dt.date(2027, 3, 1),
    })
    journey = project.journey(journey_id)
    stages = {s.name: s for s in journey.stages}
    lanes = {lane.kind: lane for lane in journey.lanes}
    cards: dict[str, int] = {}
    for stage_name, by_lane in CARDS.items():
        for lane_kind, items in by_lane.items():
            for kind, text, severity in items:
                cards[text] = editor.add_card(
                    journey_id, (stages[stage_name].id, lanes[lane_kind].id), None,
                    {"text": text, "kind": kind, "severity": severity})
    curve = journey.curves[0]
    for name, (value, note) in EMOTION.items():
        editor.set_emotion(curve.id, stages[name].id, value, note)
    metrics = [("Product page with size guide", "csat", 64.0, 212),
               ("Checkout, 5 steps", "nps", -18.0, 340), ("Hotline", "ces", 5.1, 22),
               ("Returns portal", "csat", 41.0, 96), ("Running app integration", "nps", 47.0, 158)]
    for text, kind, value, n in metrics:
        editor.add_metric(cards[text], None, {"kind": kind, "value": value, "responses": n})
    opportunities = [
        ("Guest checkout", "Forced sign-up; half of first-time buyers leave here", 5, 2, 4),
        ("One-click size exchange", "Exchange means refund and re-order: 12 days without shoes",
         5, 4, 2),
        ("Fit finder on the product page", "Size guide is a PDF that does not open on the phone",
         4, 3, 3),
        ("Show delivery cost on the product page", "Delivery cost shown only at the last step",
         4, 1, 5),
        ("Own tracking page", "Tracking link expires before the parcel arrives", 2, 3, 3),
    ]
    for title, pain, importance, cost, ease in opportunities:
        editor.add_opportunity(journey_id, {"title": title, "importance": importance,
                                            "cost": cost, "ease": ease, "owner": "Digital team",
                                            "card_ids": [cards[pain]]})
    project.flush()
    return journey_id
