import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable, isUnstorableValue } from './error-handler.js';

describe('isDatabaseUnavailable', () => {
  it.each([
    [{ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:5432' }],
    [{ code: '57P01', message: 'terminating connection due to administrator command' }],
    [{ code: '08006', message: 'connection failure' }],
    [{ code: '53300', message: 'sorry, too many clients already' }],
    [{ message: 'Connection terminated unexpectedly' }],
    [{ message: 'timeout exceeded when trying to connect' }],
    [{ message: 'Failed query: insert …', cause: { message: 'Client has encountered a connection error and is not queryable' } }],
    [{ message: 'Failed query: select 1', cause: { code: '55000', message: 'database "x" is not currently accepting connections' } }],
  ])('counts %o as the database being unavailable', (err) => {
    expect(isDatabaseUnavailable(err)).toBe(true);
  });

  it.each([
    [{ code: '23505', message: 'duplicate key value violates unique constraint' }],
    [{ code: '42P01', message: 'relation "x" does not exist' }],
    [{ message: 'Cannot read properties of undefined' }],
    [{ message: 'Failed query', cause: { code: '22P02', message: 'invalid input syntax for type uuid' } }],
  ])('does not count %o', (err) => {
    expect(isDatabaseUnavailable(err)).toBe(false);
  });
});

describe('isUnstorableValue', () => {
  it.each([
    [{ code: '22003', message: 'value "1099511627776" is out of range for type integer' }],
    [{ message: 'Failed query: select …', cause: { code: '22P05', message: 'unsupported Unicode escape sequence' } }],
    [{ message: 'Failed query: select …', cause: { code: '22021', message: 'invalid byte sequence for encoding "UTF8": 0x00' } }],
    [{ code: '22P02', message: 'invalid input syntax for type uuid' }],
  ])('counts %o as a value the request sent that the database cannot store', (err) => {
    expect(isUnstorableValue(err)).toBe(true);
  });
  it.each([
    [{ code: '23505', message: 'duplicate key value violates unique constraint' }],
    [{ code: '08006', message: 'connection failure' }],
    [{ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' }],
    [{ message: 'Cannot read properties of undefined' }],
  ])('does not count %o', (err) => {
    expect(isUnstorableValue(err)).toBe(false);
  });
});
