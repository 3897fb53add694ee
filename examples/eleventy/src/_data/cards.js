// The card list's data, as a CMS or an API would give it: quotes, & and < in the text, one card published today.
module.exports = () => [
  {
    href: '/nyheter/ny-arena-pro-klynge/',
    kicker: 'Næringsliv',
    headline: 'Ny "Arena Pro"-klynge: Rana & Helgeland <samler> seg',
    lead: 'Arctic Cluster Team er en av de fire nye Arena Pro-klyngene – "en milepæl" for regionen.',
    byline: 'Redaksjonen',
    published: new Date(Date.now() - 3 * 36e5).toISOString(),
  },
  {
    href: '/nyheter/havbruk/',
    kicker: "Havbruk & fiskeri",
    headline: "Klyngen som vil gjøre Helgeland til et grønt industrisenter: 'Vi må <ikke> vente'",
    byline: 'Kari Nordmann & Ola Nordmann',
    published: '2021-06-10T09:30:00+02:00',
  },
  {
    href: '/nyheter/donau/',
    headline: 'Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichenhersteller',
    lead: 'Et ord som er lengre enn kolonnen, brytes i stedet for å renne inn i neste kort.',
  },
];
