import { describe, expect, it } from 'vitest';
import { getModel } from '../../../src/core/classify/load-model.ts';
import { scoreText } from '../../../src/core/classify/model.ts';
import {
  SENTENCE_CONFIDENT,
  scoreMessage,
  splitSentences,
} from '../../../src/core/classify/score-message.ts';

const model = getModel();

describe('splitSentences', () => {
  it('splits after sentence marks and line breaks, dropping fragments without words', () => {
    expect(
      splitSentences('Hi. My card was charged twice! Can someone check?\nThanks, Ana'),
    ).toEqual(['My card was charged twice!', 'Can someone check?']);
  });
});

describe('scoreMessage', () => {
  const story =
    "Hi, I moved house last month and my bills still go to the old address. I've updated it twice in the app. I'd like to speak to someone about it please.";

  it('lets a request for a person count inside a long story', () => {
    // The whole message alone dilutes the request below any threshold.
    expect(scoreText(model, story).labels.explicit_request).toBeLessThan(0.5);
    expect(scoreMessage(model, story).labels.explicit_request).toBeGreaterThanOrEqual(
      SENTENCE_CONFIDENT,
    );
  });

  it('does not count a sentence the classifier is unsure of', () => {
    const text =
      'Hi, I applied for the credit line on Monday. Is a human reviewing my application or is it all automatic?';
    const sentence = scoreText(model, splitSentences(text)[1]!).labels.explicit_request;
    expect(sentence).toBeLessThan(SENTENCE_CONFIDENT);
    expect(scoreMessage(model, text).labels.explicit_request).toBe(
      scoreText(model, text).labels.explicit_request,
    );
  });

  it('keeps frustration and the queues on the whole message', () => {
    const whole = scoreText(model, story);
    const read = scoreMessage(model, story);
    expect(read.queues).toEqual(whole.queues);
    expect(read.labels.negative_sentiment).toBe(whole.labels.negative_sentiment);
  });

  it('is the whole message score for a single sentence', () => {
    const text = 'where is my parcel, it was due on Friday';
    expect(scoreMessage(model, text)).toEqual(scoreText(model, text));
  });
});
