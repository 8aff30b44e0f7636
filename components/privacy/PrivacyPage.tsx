/**
 * The privacy policy as an extension page (`privacy.html`), linked from the first-use welcome: the
 * policy is read from the shipped copy of PRIVACY.md, so that reading it needs no network.
 */
import { type Block, type Inline, readBlocks } from './markdown-blocks';

function Runs({ runs }: { runs: Inline[] }) {
  return (
    <>
      {runs.map((r, i) => (r.code ? <code key={i}>{r.text}</code> : r.strong ? <strong key={i}>{r.text}</strong> : r.em ? <em key={i}>{r.text}</em> : r.text))}
    </>
  );
}

function BlockView({ block }: { block: Block }) {
  if (block.kind === 'heading') {
    const H = `h${block.level}` as 'h1' | 'h2' | 'h3';
    return (
      <H>
        <Runs runs={block.text} />
      </H>
    );
  }
  if (block.kind === 'list') {
    return (
      <ul>
        {block.items.map((item, i) => (
          <li key={i}>
            <Runs runs={item} />
          </li>
        ))}
      </ul>
    );
  }
  return (
    <p>
      <Runs runs={block.text} />
    </p>
  );
}

export function PrivacyPage({ markdown }: { markdown: string }) {
  return (
    <main class="privacy">
      {readBlocks(markdown).map((b, i) => (
        <BlockView key={i} block={b} />
      ))}
    </main>
  );
}
