import 'fake-indexeddb/auto';

// The product's users are French: components render in French unless a test says otherwise.
Object.defineProperty(globalThis.navigator, 'language', { value: 'fr-FR', configurable: true });
