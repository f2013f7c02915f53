import { describe, expect, it } from 'vitest';
import { botTurnFlags } from '../../../src/core/signals/bot-turn-flags.ts';
import { detectClosing } from '../../../src/core/signals/detect-closing.ts';

describe('botTurnFlags', () => {
  it('flags clarification questions by intent or wording', () => {
    expect(
      botTurnFlags({ from: 'bot', text: 'Do you mean the TV box or the router?' }).clarification,
    ).toBe(true);
    expect(botTurnFlags({ from: 'bot', text: 'Okay.', intent: 'clarify' }).clarification).toBe(
      true,
    );
  });

  it('flags out-of-scope answers by intent or wording', () => {
    expect(
      botTurnFlags({ from: 'bot', text: "Sorry, I can't help with that topic.", intent: 'none' })
        .outOfScope,
    ).toBe(true);
    expect(
      botTurnFlags({ from: 'bot', text: "I don't have information about parking." }).outOfScope,
    ).toBe(true);
  });

  // A refusal worded in the customer's language is out of scope whatever the intent.
  it.each([
    'Lo siento, no puedo ayudarte con eso.',
    'No tengo información sobre ese tema.',
    'Solo puedo ayudar con pedidos y envíos.',
    'Dabei kann ich Ihnen leider nicht helfen.',
    'Ich habe leider keine Informationen dazu.',
    'Ich kann Ihnen nur bei Bestellungen helfen.',
    'Je ne peux pas vous aider avec cela.',
    "Je n'ai pas d'information sur ce sujet.",
    "Je ne peux vous aider qu'avec vos commandes.",
    'Não posso ajudar com isso.',
    'Não tenho informação sobre esse assunto.',
    'Só posso ajudar com encomendas.',
  ])('reads the refusal "%s" as out of scope', (text) => {
    const flags = botTurnFlags({ from: 'bot', text, intent: 'faq' });
    expect(flags.outOfScope).toBe(true);
  });

  it.each([
    'Claro, puedo ayudarte con eso.',
    'Ich kann Ihnen gerne helfen.',
    'Je peux vous aider avec votre commande.',
    'Posso ajudar com isso!',
  ])('does not read the offer of help "%s" as a refusal', (text) => {
    expect(botTurnFlags({ from: 'bot', text, intent: 'faq' }).outOfScope).toBe(false);
  });

  it('flags bot and system failures', () => {
    expect(botTurnFlags({ from: 'system', text: 'bot error: LLM request timed out' }).error).toBe(
      true,
    );
    expect(botTurnFlags({ from: 'bot', intent: 'error', text: '' }).error).toBe(true);
  });

  // Thirteenth round: the spec counts a fallback turn as one failed attempt (repeated_failure
  // needs two), not as an answer that the request is out of scope.
  it.each([
    'fallback',
    'default_fallback',
    'Default_Fallback',
    'nomatch',
    'no_match',
    'not_understood',
  ])('reads the intent %s as a fallback, not out of scope', (intent) => {
    const flags = botTurnFlags({ from: 'bot', text: "Sorry, I didn't get that.", intent });
    expect(flags.fallback).toBe(true);
    expect(flags.outOfScope).toBe(false);
  });

  it('keeps out_of_scope, none and unknown intents, and refusals, out of scope', () => {
    for (const intent of ['out_of_scope', 'oos', 'none', 'unknown']) {
      const flags = botTurnFlags({ from: 'bot', text: 'Hmm.', intent });
      expect(flags).toMatchObject({ outOfScope: true, fallback: false });
    }
    const refusal = botTurnFlags({
      from: 'bot',
      text: "I can't help with that.",
      intent: 'fallback',
    });
    expect(refusal).toMatchObject({ outOfScope: true, fallback: true });
  });

  it('flags nothing on customer turns or a plain answer', () => {
    expect(botTurnFlags({ from: 'customer', text: "I can't help with that" })).toEqual({
      clarification: false,
      offersHuman: false,
      outOfScope: false,
      fallback: false,
      error: false,
    });
    expect(
      botTurnFlags({ from: 'bot', text: 'Your order ships on Friday.', confidence: 0.9 }),
    ).toEqual({
      clarification: false,
      offersHuman: false,
      outOfScope: false,
      fallback: false,
      error: false,
    });
  });
});

describe('detectClosing', () => {
  it.each([
    'Thanks!',
    'Found it, thank you very much.',
    'ok',
    'alright cool',
    'never mind, sorted',
    'valeu demais!!',
    'hat geklappt, danke!!',
  ])('closes on %j', (text) => {
    expect(detectClosing(text)).toBe(true);
  });

  it.each([
    'ok so what do I do',
    'ok but when',
    'thanks, but it still fails',
    'thanks, where is it?',
    'danke, aber es geht immer noch nicht',
    'merci mais ça ne marche toujours pas',
    'obrigado, mas ainda não funcionou',
    'gracias, pero sigue sin funcionar',
  ])('stays open on %j', (text) => {
    expect(detectClosing(text)).toBe(false);
  });
});

describe('botTurnFlags offersHuman', () => {
  it('sees the bot offering a person', () => {
    expect(
      botTurnFlags({ from: 'bot', text: 'Would you like me to connect you to an agent?' })
        .offersHuman,
    ).toBe(true);
    expect(
      botTurnFlags({ from: 'bot', text: 'Shall I transfer you to our billing team?' }).offersHuman,
    ).toBe(true);
    expect(botTurnFlags({ from: 'bot', text: 'Your agent code is 1234.' }).offersHuman).toBe(false);
  });
});

describe('botTurnFlags errors', () => {
  it('does not read a system note about a failed payment as a bot failure', () => {
    expect(botTurnFlags({ from: 'system', text: 'Payment failed: card declined' }).error).toBe(
      false,
    );
    expect(botTurnFlags({ from: 'system', action: 'bot_error', text: 'x' }).error).toBe(true);
  });
});

describe('offers of a person in other languages', () => {
  it.each([
    '¿Quiere que le pase con un asesor?',
    'Si lo prefieres, te paso con un compañero.',
    'Soll ich Sie mit einem Mitarbeiter verbinden?',
    'Voulez-vous que je vous mette en relation avec un conseiller ?',
    'Souhaitez-vous parler à un conseiller ?',
    'Quer falar com um atendente?',
    'Posso te transferir para um especialista?',
  ])('reads %j as an offer', (text) => {
    expect(botTurnFlags({ from: 'bot', text }).offersHuman).toBe(true);
  });

  it.each([
    'Puedes hablar con tu banco.',
    'Ich habe Ihre Adresse geändert.',
    'Merci, bonne journée !',
  ])('does not read %j as an offer', (text) => {
    expect(botTurnFlags({ from: 'bot', text }).offersHuman).toBe(false);
  });
});

describe('the bot offering a person', () => {
  const offers = (text: string) => botTurnFlags({ from: 'bot', text }).offersHuman;

  it.each([
    "I'm not able to change that myself. Shall I pass you to a colleague who can?",
    "Sorry, that's beyond what I can do. Want me to get a person to help?",
    'Would you like someone from our billing team to take a look?',
    'Lo siento, no puedo hacerlo. ¿Quiere que le comunique con un asesor?',
    '¿Te paso con alguien del equipo?',
    'Das kann ich leider nicht ändern. Möchten Sie, dass sich ein Kollege meldet?',
    'Soll ich jemanden aus dem Kundenservice dazuholen?',
    'Je ne peux pas faire ça. Souhaitez-vous que je vous passe un conseiller ?',
    'Não consigo resolver isso. Quer que eu chame um atendente?',
    'Posso passar você para alguém da equipa?',
  ])('reads %j as an offer', (text) => {
    expect(offers(text)).toBe(true);
  });

  it.each([
    'A colleague already checked your order. Anything else?',
    'Is the person who placed the order the account holder?',
    'You can add team members under Settings → Team. Would you like the link?',
    'Der Kollege hat das Paket gestern verschickt.',
    '¿Quiere que le envíe la factura por correo?',
  ])('does not read %j as an offer', (text) => {
    expect(offers(text)).toBe(false);
  });
});
