import { describe, expect, it } from 'vitest';
import { serializersAgreeOn } from '../../../test/helpers/serializer-parity.js';
import { applicationListSchema } from './applications.contract.js';

describe('the application list\'s compiled serializer', () => {
  it('writes the application list exactly as the zod serializer does, for any valid list', () => {
    expect(serializersAgreeOn(applicationListSchema, 1000)).toBeGreaterThan(100);
  });
});
