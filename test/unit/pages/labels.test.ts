import { afterEach, describe, expect, it } from 'vitest';
import { findButton, findControl, findTextValue, readChecked, readValue } from '../../../lib/pages';

afterEach(() => {
  document.body.innerHTML = '';
});

function page(html: string): Document {
  document.body.innerHTML = html;
  return document;
}

describe('findControl', () => {
  it('follows label[for], whatever the case and accents of the text', () => {
    const doc = page(`<label for="x1">url du serveur cas</label><input id="x2" value="wrong"><input id="x1" value="https://cas.ent27.fr/">`);
    expect(readValue(findControl(doc, ['URL du serveur CAS'], { kinds: ['text'] })!.control)).toBe('https://cas.ent27.fr/');
  });

  it('finds the control in the next table cell, and in the previous one', () => {
    const doc = page(`<table>
      <tr><td><span>URL&nbsp;du</span> <span>serveur <b>CAS</b></span> :</td><td><input value="https://cas.arsene76.fr"></td></tr>
      <tr><td><input type="checkbox" checked></td><td>Définir une délégation CAS</td></tr>
      <tr><td>Racine</td><td><input value="Pronote"></td></tr></table>`);
    expect(readValue(findControl(doc, ['URL du serveur CAS'], { kinds: ['text'] })!.control)).toBe('https://cas.arsene76.fr');
    expect(readChecked(findControl(doc, ['Définir une délégation CAS'], { kinds: ['checkbox'] })!.control)).toBe(true);
    expect(readValue(findControl(doc, ['racine'], { kinds: ['text'] })!.control)).toBe('Pronote');
  });

  it('picks the control nearest its own text when several share a parent', () => {
    const doc = page(`<div>
      <input type="checkbox" id="a"><span>Option A</span>
      <input type="checkbox" id="b" checked><span>Définir une délégation CAS</span>
      <span>Racine</span><input id="r" value="pronote"><span>Port</span><input id="p" value="443">
    </div>`);
    expect(findControl(doc, ['Définir une délégation CAS'], { kinds: ['checkbox'] })!.control.id).toBe('b');
    expect(findControl(doc, ['Racine'], { kinds: ['text'] })!.control.id).toBe('r');
    expect(findControl(doc, ['Port'], { kinds: ['text'] })!.control.id).toBe('p');
  });

  it('finds a control wrapped in its label, and one named by aria-label or aria-labelledby', () => {
    const doc = page(`<label>Définir une délégation CAS <input type="checkbox"></label>
      <input aria-label="URL du serveur CAS" value="a">
      <span id="l">Racine</span><div role="textbox" contenteditable="true" aria-labelledby="l">Pronote</div>`);
    expect(readChecked(findControl(doc, ['definir une delegation cas'], { kinds: ['checkbox'] })!.control)).toBe(false);
    expect(readValue(findControl(doc, ['URL du serveur CAS'], { kinds: ['text'] })!.control)).toBe('a');
    expect(readValue(findControl(doc, ['Racine'], { kinds: ['text'] })!.control)).toBe('Pronote');
  });

  it('reads a label that holds its own list without taking the options for the label', () => {
    const doc = page(`<p>Mon ENT <select><option>Aucun</option><option selected>Mon ENT Occitanie</option></select></p>`);
    expect(readValue(findControl(doc, ['Mon ENT'], { kinds: ['select'] })!.control)).toBe('Mon ENT Occitanie');
  });

  it('reads ARIA check boxes and combo boxes drawn with divs', () => {
    const doc = page(`<div class="ligne"><div role="checkbox" aria-checked="true" tabindex="0"></div><div>Définir une délégation CAS</div></div>
      <div class="ligne"><div>Mon ENT</div><div role="combobox" aria-activedescendant="o2"><div role="option" id="o1">Aucun</div><div role="option" id="o2">Eclat-BFC</div></div></div>`);
    expect(readChecked(findControl(doc, ['Définir une délégation CAS'], { kinds: ['checkbox'] })!.control)).toBe(true);
    expect(readValue(findControl(doc, ['Mon ENT'], { kinds: ['select'] })!.control)).toBe('Eclat-BFC');
  });

  it('does not take a help paragraph for a label, nor a hidden control', () => {
    const doc =
      page(`<p>Pour intégrer Pronote dans votre ENT, renseignez l'URL du serveur CAS donnée par votre projet ENT dans le champ prévu à cet effet, puis publiez la base. <input id="h" value="x"></p>
      <div hidden><label>URL du serveur CAS <input id="hidden"></label></div>`);
    expect(findControl(doc, ['URL du serveur CAS'], { kinds: ['text'] })).toBeUndefined();
  });

  it('skips a label and a control hidden by the page style sheet (a closed dialog)', () => {
    const doc = page(`<style>.ferme { display: none }</style>
      <div class="ferme"><span>Projet de rattachement</span> <select id="dialog"><option>AEFE</option></select></div>
      <p><span>Projet de rattachement</span> <select id="shown"><option>ENT27</option></select></p>`);
    expect(findControl(doc, ['Projet de rattachement'], { kinds: ['select'] })!.control.id).toBe('shown');
    expect(findControl(doc, ['Projet de rattachement'], { kinds: ['select'], includeHidden: true })).toBeDefined();
  });

  it('returns undefined when the label is absent', () => {
    const doc = page('<p>Rien</p><input>');
    expect(findControl(doc, ['URL du serveur CAS'])).toBeUndefined();
  });
});

describe('findButton and findTextValue', () => {
  it('finds buttons by their text or value and a read-only value next to its label', () => {
    const doc = page(`<input type="button" value="Publier la base"><a href="#" role="button">Arrêter   la publication</a>
      <table><tr><th>Racine :</th><td>Pronote</td></tr></table>`);
    expect(findButton(doc, ['Publier la base'])!.tagName).toBe('INPUT');
    expect(findButton(doc, ['arreter la publication'])!.tagName).toBe('A');
    expect(findTextValue(doc, ['Racine'])!.text).toBe('Pronote');
    expect(findButton(doc, ['Supprimer'])).toBeUndefined();
  });
});
