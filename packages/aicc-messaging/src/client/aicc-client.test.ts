import { describe, expect, it } from 'vitest';
import { prepareAiccRequest } from './aicc-client.js';
import { CCMESSAGING_API_METHODS } from './ccmessaging-apis.js';

describe('prepareAiccRequest', () => {
  it.each(Object.entries(CCMESSAGING_API_METHODS))('sends %s with its documented method (%s) by default', (api, method) => {
    expect(prepareAiccRequest({ api }).method).toBe(method);
  });

  it('sends an API it does not know as POST, and any API with the method given', () => {
    expect(prepareAiccRequest({ api: 'clickToCall' }).method).toBe('POST');
    expect(prepareAiccRequest({ api: 'clickToCall', method: 'GET' }).method).toBe('GET');
    expect(prepareAiccRequest({ api: 'send', method: 'GET' }).method).toBe('GET');
  });
});
