/**
 * @module demo/content/authors — fictional bylines of the demo outlets. Every name and biography
 * here is invented for the demo; none describes a real person.
 */
import type { DemoAuthor } from '../types.ts';

export const MAREN_HOLT: DemoAuthor = {
  name: 'Maren Holt',
  bio: 'Maren Holt covers semiconductors and large-cap technology for Harbor Ledger from New York. She previously spent six years on a sell-side equity desk.',
};

export const OWEN_PRICE: DemoAuthor = {
  name: 'Owen Prichard',
  bio: 'Owen Prichard writes about capital markets, listings and the weekly swing of US stocks. He joined Harbor Ledger from a regional business paper.',
};

export const LUCIA_FERN: DemoAuthor = {
  name: 'Lucía Fernández Ortega',
  bio: 'Lucía Fernández Ortega reports on commodities, food prices and consumer inflation, with a particular weakness for orchard statistics.',
};

export const JONAS_KEMP: DemoAuthor = {
  name: 'Jonas Kemp',
  bio: 'Jonas Kemp covers Hong Kong and mainland China equities for Harbor Ledger from Hong Kong.',
};

export const PRIYA_NAIR: DemoAuthor = {
  name: 'Priya Natarajan',
  bio: 'Priya Natarajan is Blockline Daily’s markets editor. She tracks fund flows, derivatives and the plumbing of digital-asset markets.',
};

export const THEO_WALSH: DemoAuthor = {
  name: 'Theo Walsh',
  bio: 'Theo Walsh covers Ethereum, staking and decentralised finance. He has written about blockchains since the first DeFi summer.',
};

export const DIEGO_SALAS: DemoAuthor = {
  name: 'Diego Salas Moreno',
  bio: 'Diego Salas Moreno escribe sobre criptomonedas y mercados para Blockline Daily en Español desde Ciudad de México.',
};

export const HANNA_BERG: DemoAuthor = {
  name: 'Hanna Bergström',
  bio: 'Hanna Bergström covers policy and regulation for Blockline Daily from Washington.',
};

export const NW_DESK: DemoAuthor = {
  name: 'Northwind Markets Desk',
  bio: 'Reporting by the Northwind Markets Wire newsroom. Editing by the overnight desk.',
};

export const ADA_CHEN: DemoAuthor = {
  name: 'Ada Chen-Morrow',
  bio: 'Ada Chen-Morrow reports on Asian technology stocks for Northwind Markets Wire from Singapore.',
};

export const RAFAEL_IBANEZ: DemoAuthor = {
  name: 'Rafael Ibáñez',
  bio: 'Rafael Ibáñez covers rates, central banks and cross-asset flows for Northwind Markets Wire.',
};

export const SIMONE_ADEYEMI: DemoAuthor = {
  name: 'Simone Adeyemi',
  bio: 'Simone Adeyemi is Eastgate Tech Monitor’s chips correspondent. She writes the weekly Foundry Notes column.',
};

export const KAI_LINDQVIST: DemoAuthor = {
  name: 'Kai Lindqvist',
  bio: 'Kai Lindqvist covers consumer hardware and the supply chains behind it for Eastgate Tech Monitor.',
};

export const MEI_TANAKA: DemoAuthor = {
  name: 'Mei Tanaka-Hughes',
  bio: 'Mei Tanaka-Hughes writes about cloud computing, data centres and the energy they consume.',
};
