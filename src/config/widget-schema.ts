/**
 * `widget.*`: what the chat widget offers besides the chat itself. The pre-chat form is off
 * unless fields are listed; its answers are the visitor's claims, unverified like any other
 * browser's word (src/core/customer/pre-chat-form.ts).
 */
import { Type } from '@sinclair/typebox';

const PreChatField = Type.Object(
  {
    key: Type.String({
      pattern: '^[a-z][a-z0-9_]{0,39}$',
      description: 'name, email and phone become the customer claims; others become packet fields.',
    }),
    label: Type.Optional(
      Type.Record(
        Type.String({ pattern: '^[a-z]{2}(-[A-Z]{2})?$' }),
        Type.String({ minLength: 1, maxLength: 80 }),
        {
          description:
            'Per language ({ en: "Account number", es: "Número de cuenta" }); built-in keys have one.',
        },
      ),
    ),
    required: Type.Boolean({ default: false }),
    type: Type.Optional(
      Type.Union([Type.Literal('text'), Type.Literal('email'), Type.Literal('tel')], {
        description: 'Default: email for email, tel for phone, text otherwise.',
      }),
    ),
  },
  { additionalProperties: false },
);

export const WidgetSchema = Type.Object(
  {
    preChatForm: Type.Optional(
      Type.Object(
        { fields: Type.Array(PreChatField, { minItems: 1, maxItems: 8 }) },
        {
          additionalProperties: false,
          description:
            'BATON_WIDGET_PRECHAT_FORM (JSON): the form the widget shows before the first message; off when absent.',
        },
      ),
    ),
    transcriptEmail: Type.Object(
      {
        perConversationPerHour: Type.Integer({ minimum: 1, default: 3 }),
        perAddressPerHour: Type.Integer({ minimum: 1, default: 3 }),
      },
      { additionalProperties: false, default: {} },
    ),
  },
  { additionalProperties: false, default: {} },
);
