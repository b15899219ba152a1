/** What the demo newsroom holds, as a reader would check it. */
export const SAEPPYOL = {
  slug: 'kim-jong-un-opens-saeppyol-street-homes',
  path: '/world/asia/kim-jong-un-opens-saeppyol-street-homes',
  headline: 'Kim Jong Un opens Saeppyol Street homes for families of soldiers killed abroad',
  headings: [
    'A Symbol of National Gratitude and Strategic Alignment',
    'The Shadow of the Ukraine War',
    'A Reciprocal Relationship: Arms for Technology',
    'Honoring the Fallen: A National Campaign',
    'Political Undercurrents and Future Trajectories',
    'Broader Implications for Regional Security',
  ],
  quotes: [
    { text: 'a source of honour for our generation and a pride of Pyongyang and our state', speakerName: 'Rodong Sinmun', speaker: 'Rodong Sinmun', reportedBy: null },
    { text: 'immortality of the martyrs', speakerName: 'Kim Jong Un', speaker: 'Kim Jong Un', reportedBy: null },
    { text: 'unconditionally support', speakerName: 'Kim Jong Un', speaker: 'Kim Jong Un', reportedBy: null },
    { text: 'some small comfort', speakerName: 'Kim Jong Un', speaker: 'Kim Jong Un', reportedBy: 'Korean Central News Agency' },
  ],
};

/** The tags ../shared/seed/README.md says the seed story should be given, with their kinds (at least these). */
export const SEED_TAG_KINDS = {
  'Kim Jong Un': 'PERSON',
  'Kim Ju Ae': 'PERSON',
  'Vladimir Putin': 'PERSON',
  Pyongyang: 'PLACE',
  'North Korea': 'PLACE',
  Russia: 'PLACE',
  Ukraine: 'PLACE',
  'South Korea': 'PLACE',
  'Korean Central News Agency': 'ORGANIZATION',
  'Rodong Sinmun': 'ORGANIZATION',
  'National Intelligence Service': 'ORGANIZATION',
} as const;
