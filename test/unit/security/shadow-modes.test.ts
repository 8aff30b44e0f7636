import { describe, expect, it } from 'vitest';
import { shadowCalls } from '../../../scripts/security/shadow-modes';

const modes = (code: string) => shadowCalls(code).map((c) => c.mode);

describe('shadowCalls', () => {
  it.each([
    // The mode, whatever the quoting and spacing.
    ['e.attachShadow({mode:`closed`})', 'closed'],
    ['e.attachShadow({mode:"closed"})', 'closed'],
    ["e.attachShadow( { 'mode' : 'closed' , delegatesFocus:!0 } )", 'closed'],
    ['e.attachShadow({mode:`open`})', 'open'],
    ['e.attachShadow({"mode":"open"})', 'open'],
    ["e.attachShadow({ delegatesFocus: true, mode: 'open' })", 'open'],
    ['e["attachShadow"]({mode:"open"})', 'open'],
    ["e[ 'attachShadow' ]( {mode:'closed'} )", 'closed'],
    // Not closed, what the text cannot prove.
    ['e.attachShadow(o)', 'unknown'],
    ['e.attachShadow({mode:m})', 'unknown'],
    ['e.attachShadow({...o,mode:"closed"})', 'unknown'],
    ['e.attachShadow({mode:c?"closed":"open"})', 'unknown'],
    ['e.attachShadow({})', 'unknown'],
  ])('reads %s as %s', (code, mode) => {
    expect(modes(code)).toEqual([mode]);
  });

  it('finds every call, and none in code without one', () => {
    expect(modes('a.attachShadow({mode:"closed"});b.attachShadow({mode:"open"})')).toEqual(['closed', 'open']);
    expect(modes('const shadowRoot = host.shadowRoot;')).toEqual([]);
  });
});
