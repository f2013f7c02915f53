"""
A minimal Rasa custom action that asks Baton for a person (docs/bot.md, "Rasa").

Baton talks to Rasa through the REST channel (BATON_BOT_ENGINE=rasa, BATON_RASA_URL).
`dispatcher.utter_message(json_message=...)` reaches the REST channel as a `custom`
message; Baton reads `{"handoff": true, "reason": ..., "summary": ...}` in it and hands
the conversation to a person:

- reason:  one of Baton's reason codes (explicit_request, topic_policy, security,
           amount_threshold, negative_sentiment, repeated_failure, out_of_scope,
           high_value, approval_required) is kept; any other word is recorded as
           out_of_scope with your word beside it. Optional (out_of_scope).
- summary: up to 1000 characters for the agent, shown in the handoff packet's reasons.
           Optional.

Texts sent in the same answer as the handoff are not shown: Baton's own handoff message
tells the customer what happens next (their place in line, or when the team is back).

Register it in domain.yml (actions: [action_handoff_to_human]) and trigger it from a rule,
for example on an intent `human_handoff`:

    rules:
      - rule: a person when asked
        steps:
          - intent: human_handoff
          - action: action_handoff_to_human

This file is an example, not run by Baton's tests; the REST channel answers it produces
are (test/http/rasa-bot.test.ts).
"""

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher


class ActionHandoffToHuman(Action):
    def name(self) -> Text:
        return "action_handoff_to_human"

    def run(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: Dict[Text, Any],
    ) -> List[Dict[Text, Any]]:
        order_id = tracker.get_slot("order_id")
        last_intent = tracker.latest_message.get("intent", {}).get("name")
        summary = f"Customer asked about '{last_intent}'"
        if order_id:
            summary += f" for order {order_id}"
        dispatcher.utter_message(
            json_message={
                "handoff": True,
                "reason": "explicit_request" if last_intent == "human_handoff" else "out_of_scope",
                "summary": summary,
            }
        )
        return []
