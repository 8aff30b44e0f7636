/** The styles of the findings list shown in pages (inside a shadow root, so the page's CSS never reaches it). */
export const FINDINGS_CSS = `
:host { all: initial; display: block; margin: 4px 0; font: 13px/1.4 system-ui, sans-serif; color: #1b1b1b; }
.findings { list-style: none; margin: 0; padding: 0; }
.finding { margin: 2px 0; padding: 6px 8px; border-left: 4px solid; border-radius: 3px; background: #f6f6f6; }
.finding.error { border-color: #c9191e; background: #fdecec; }
.finding.warning { border-color: #b34000; background: #fff4e5; }
.finding.info { border-color: #0063cb; background: #eef4fd; }
.severity { font-weight: 700; }
.fix { margin-top: 2px; }
code { font: 12px/1.4 ui-monospace, monospace; background: #fff; padding: 1px 3px; word-break: break-all; }
button.copy { font: inherit; font-size: 12px; padding: 1px 6px; cursor: pointer; }
.panel-title { font-weight: 700; margin: 0 0 4px; }
`;
