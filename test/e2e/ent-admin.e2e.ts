import { expect, test } from './fixtures';

const ENT = 'https://clg-exemple.monbureaunumerique.fr/admin';

test('the service screen shows its findings next to the fields, in open shadow roots', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(`${ENT}/service-table.html`);
  await expect(page.locator('html')).toHaveAttribute('data-passerelle-ent', 'on');
  const cas = page.locator('[data-passerelle-finding="service-cas-url-not-empty"]');
  await expect(cas).toHaveAttribute('data-severity', 'error');
  await expect(cas).toContainText('url cas de Pronote.net');
  // Shown right after the bloc's field, not in a floating panel.
  const hostAfterCas = page.locator('#k_4721 + [data-passerelle-host="ent-admin"]');
  await expect(hostAfterCas.locator('[data-passerelle-finding]')).toHaveCount(1);
  const url = page.locator('[data-passerelle-finding="service-url-not-pronote-root"]');
  await expect(url).toHaveAttribute('data-severity', 'error');
  await expect(url.locator('code')).toHaveText('https://0310047h.index-education.net/pronote/');
  // No Pronote version known from an instance check: the bloc's version is not judged.
  await expect(page.locator('[data-passerelle-finding="bloc-version-mismatch"]')).toHaveCount(0);

  // The admin empties the field: the error goes, the page's own value is what we typed.
  await page.locator('#k_4721').fill('');
  await expect(cas).toHaveCount(0);
  await expect(url).toHaveCount(1);
});

test('accès population: service anonyme and each profile without « accès au service »', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(`${ENT}/acces-population.html`);
  const anonymous = page.locator('[data-passerelle-finding="service-anonymous"]');
  await expect(anonymous).toHaveAttribute('data-severity', 'warning');
  await expect(anonymous).toContainText('sans connexion unique (SSO)');
  const missing = page.locator('[data-passerelle-finding="access-role-missing"]');
  await expect(missing).toHaveCount(1);
  await expect(missing).toContainText('« Personnels »');
  await expect(missing).toHaveAttribute('data-severity', 'warning');
});

test('a connector screen drawn by script after load is read once drawn', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(`${ENT}/connecteur.html`);
  const url = page.locator('[data-passerelle-finding="service-url-not-pronote-root"]');
  await expect(url).toContainText('?login=true');
  await expect(url.locator('code')).toHaveText('https://0752536z.index-education.net/Pronote/');
});

test.describe('in English', () => {
  test.use({ lang: 'en-GB' });
  test('findings follow the browser language', async ({ context }) => {
    const page = await context.newPage();
    await page.goto(`${ENT}/service-labels.html`);
    const missing = page.locator('[data-passerelle-finding="access-role-missing"]');
    await expect(missing).toContainText('The profile “Parents” does not hold the role');
    await expect(page.locator('[data-passerelle-finding]')).toHaveCount(1);
  });
});
