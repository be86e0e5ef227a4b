import { describe, expect, it } from 'vitest';
import { FAQ_CATALOGUE, faqLanguageOf, findAnswer, findPhrases } from './faq-catalogue.js';

describe('faqLanguageOf', () => {
  it('maps locales to the catalogue languages', () => {
    expect(faqLanguageOf('en')).toBe('en');
    expect(faqLanguageOf('en_US')).toBe('en');
    expect(faqLanguageOf('zh-CN')).toBe('zh');
    expect(faqLanguageOf('fr_FR')).toBeUndefined();
  });
});

describe('findPhrases', () => {
  it('ranks questions that start with the keyword first and caps the count', () => {
    expect(findPhrases('en', 'which')).toEqual(['Which payment methods do you accept?']);
    expect(findPhrases('en', 'order', 1)).toEqual(['How can I track my order?']);
    expect(findPhrases('en', '   ')).toEqual([]);
    expect(findPhrases('en', 'how', 10)).toHaveLength(FAQ_CATALOGUE.en.filter((entry) => entry.question.startsWith('How')).length);
  });
});

describe('findAnswer', () => {
  it('picks the entry with the most keyword hits and lists the others as similar questions', () => {
    const match = findAnswer('en', 'I want to change my password');
    expect(match?.entry.question).toBe('How do I change my password?');
    expect(match?.similarQuestions).toEqual(['How do I reset my password?']);
    expect(findAnswer('en', 'zzz')).toBeUndefined();
    expect(findAnswer('zh', '怎么退款')?.entry.question).toBe('如何申请退款？');
  });
});
