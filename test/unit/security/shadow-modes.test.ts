import { describe, expect, it } from 'vitest';
import { shadowCalls } from '../../../scripts/security/shadow-modes';

const modes = (code: string) => shadowCalls(code).map((c) => c.mode);

describe('shadowCalls', () => {
  it('reads the mode whatever the quoting and spacing', () => {
    expect(modes('e.attachShadow({mode:`closed`})')).toEqual(['closed']);
    expect(modes('e.attachShadow({mode:"closed"})')).toEqual(['closed']);
    expect(modes("e.attachShadow( { 'mode' : 'closed' , delegatesFocus:!0 } )")).toEqual(['closed']);
    expect(modes('e.attachShadow({mode:`open`})')).toEqual(['open']);
    expect(modes('e.attachShadow({"mode":"open"})')).toEqual(['open']);
    expect(modes("e.attachShadow({ delegatesFocus: true, mode: 'open' })")).toEqual(['open']);
    expect(modes('e["attachShadow"]({mode:"open"})')).toEqual(['open']);
    expect(modes("e[ 'attachShadow' ]( {mode:'closed'} )")).toEqual(['closed']);
  });

  it('counts as not closed what the text cannot prove', () => {
    expect(modes('e.attachShadow(o)')).toEqual(['unknown']);
    expect(modes('e.attachShadow({mode:m})')).toEqual(['unknown']);
    expect(modes('e.attachShadow({...o,mode:"closed"})')).toEqual(['unknown']);
    expect(modes('e.attachShadow({mode:c?"closed":"open"})')).toEqual(['unknown']);
    expect(modes('e.attachShadow({})')).toEqual(['unknown']);
  });

  it('finds every call, and none in code without one', () => {
    expect(modes('a.attachShadow({mode:"closed"});b.attachShadow({mode:"open"})')).toEqual(['closed', 'open']);
    expect(modes('const shadowRoot = host.shadowRoot;')).toEqual([]);
  });
});
