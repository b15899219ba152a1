/**
 * The demo newsroom that `npm start` loads into an empty database: a small, realistic site built
 * around the Saeppyol Street story (retold in the project's own words from the wire copy in
 * ../shared/seed/), its companion pieces, and invented local and world news to fill every section.
 */

/** A section of the site; `children` are its subsections in editorial order. */
export interface DemoSection {
  slug: string;
  name: string;
  description?: string;
  children?: DemoSection[];
}

/** Words someone said; `text` appears verbatim, in double quotes, in one paragraph of the body. */
export interface DemoQuote {
  text: string;
  speakerName: string;
  /** Tag slug of the speaker. */
  speaker?: string;
  /** Tag slug of whoever reported the words. */
  reportedBy?: string;
  context?: string;
}

/** One published article; every reference is a slug (or, for sections, a path) defined elsewhere in the content. */
export interface DemoArticle {
  slug: string;
  headline: string;
  standfirst: string;
  /** Section path, e.g. 'world/asia'. */
  section: string;
  /** Author slugs, byline order. */
  authors: string[];
  /** Tag slugs, editor's order. */
  tags: string[];
  /** ISO-8601 UTC. */
  publishedAt: string;
  /** Image key. */
  mainImage?: string;
  /** '## Heading' lines and paragraphs separated by blank lines. */
  bodyMarkdown: string;
  quotes?: DemoQuote[];
  related?: { slug: string; relation: 'BACKGROUND' | 'FOLLOW_UP' | 'ANALYSIS' | 'EXPLAINER' | 'SEE_ALSO' }[];
  corrections?: { text: string; publishedAt: string }[];
  /** Set when the piece is a liveblog: its state and entries, oldest first. */
  liveblog?: { state: 'LIVE' | 'ENDED'; entries: DemoLiveblogEntry[] };
}

/** One entry of a demo liveblog. */
export interface DemoLiveblogEntry {
  title?: string;
  bodyMarkdown: string;
  /** Author slug. */
  author?: string;
  keyEvent?: boolean;
  pinned?: boolean;
  /** ISO-8601 UTC. */
  publishedAt: string;
}

/** Everything the demo newsroom holds. */
export interface DemoContent {
  sections: DemoSection[];
  authors: { slug: string; name: string; jobTitle?: string; bio?: string; image?: string }[];
  tags: {
    slug: string;
    name: string;
    kind: 'TOPIC' | 'PERSON' | 'ORGANIZATION' | 'PLACE' | 'EVENT' | 'SERIES';
    description?: string;
    /** Other names of the tag (short forms), in order. */
    aliases?: string[];
  }[];
  images: {
    key: string;
    url: string;
    altText: string;
    caption?: string;
    credit?: string;
    width?: number;
    height?: number;
  }[];
  articles: DemoArticle[];
}

/** Markdown body from blocks (paragraphs, headings, lists), one blank line between them. */
function md(...blocks: string[]): string {
  return blocks.join('\n\n');
}

/** The demo newsroom. */
export const demoContent: DemoContent = {
  sections: [
    {
      slug: 'world',
      name: 'World',
      description: 'News and analysis from around the globe.',
      children: [
        { slug: 'asia', name: 'Asia', description: 'From the Korean Peninsula to the river deltas of the south.' },
        { slug: 'europe', name: 'Europe', description: 'Cities, coasts and capitals across the continent.' },
        { slug: 'americas', name: 'Americas', description: 'North, Central and South America and the Caribbean.' },
      ],
    },
    { slug: 'politics', name: 'Politics', description: 'Eastbridge City Hall, the regional assembly and the campaigns that decide them.' },
    { slug: 'business', name: 'Business', description: 'Companies, markets and the local economy.' },
    { slug: 'technology', name: 'Technology', description: 'How new technology changes work, cities and everyday life.' },
    { slug: 'culture', name: 'Culture', description: 'Theatre, books, festivals and the city’s heritage.' },
  ],

  images: [
    {
      key: 'saeppyol-street',
      url: 'https://media.masthead.example/2026/11/saeppyol-street.jpg',
      altText: 'Rows of new apartment blocks lining a broad street in Pyongyang',
      caption: 'Saeppyol Street, the Pyongyang housing district built for the families of soldiers killed abroad.',
      credit: 'Illustration: Masthead Graphics',
      width: 1600,
      height: 900,
    },
    {
      key: 'varnholm-ferry',
      url: 'https://media.masthead.example/2026/09/varnholm-ferry.jpg',
      altText: 'A car ferry moored at an empty quay in Varnholm harbour',
      caption: 'Ferries stayed tied up in Varnholm for the 11 days of the strike.',
      credit: 'Photo: Erik Moland / Masthead',
      width: 1600,
      height: 1067,
    },
    {
      key: 'eastbridge-city-hall',
      url: 'https://media.masthead.example/2026/11/eastbridge-city-hall.jpg',
      altText: 'The clock tower of Eastbridge City Hall lit up at dusk',
      caption: 'Votes in the mayoral election were counted overnight at Eastbridge City Hall.',
      credit: 'Photo: Ama Boateng / Masthead',
      width: 1600,
      height: 1067,
    },
    {
      key: 'lantern-theatre',
      url: 'https://media.masthead.example/2026/09/lantern-theatre-ceiling.jpg',
      altText: 'The restored painted ceiling of the Lantern Theatre auditorium, seen from the stalls',
      caption: 'The Lantern Theatre’s painted ceiling, hidden for 70 years, was uncovered during the restoration.',
      credit: 'Photo: Ama Boateng / Masthead',
      width: 1200,
      height: 1500,
    },
    {
      key: 'kestrel-robot',
      url: 'https://media.masthead.example/2026/09/kestrel-unloading-robot.jpg',
      altText: 'A robot arm with a suction gripper lifting a cardboard box from a stack inside a lorry trailer',
      caption: 'Kestrel Robotics’ unloading robot at work in the company’s test warehouse.',
      credit: 'Photo: Kestrel Robotics',
      width: 1600,
      height: 900,
    },
    {
      key: 'author-hana-seo',
      url: 'https://media.masthead.example/staff/hana-seo.jpg',
      altText: 'Portrait of Hana Seo, Masthead’s Asia correspondent',
      caption: 'Hana Seo',
      credit: 'Photo: Masthead',
      width: 600,
      height: 600,
    },
  ],

  authors: [
    {
      slug: 'hana-seo',
      name: 'Hana Seo',
      jobTitle: 'Asia correspondent',
      bio: 'Hana Seo covers the Korean Peninsula and East Asia from Seoul. She has reported on North Korea for a decade.',
      image: 'author-hana-seo',
    },
    {
      slug: 'tomas-varga',
      name: 'Tomas Varga',
      jobTitle: 'Europe correspondent',
      bio: 'Tomas Varga writes about European cities, transport and climate. He previously ran Masthead’s regional desk.',
    },
    {
      slug: 'lucia-ferreira',
      name: 'Lucia Ferreira',
      jobTitle: 'Americas correspondent',
      bio: 'Lucia Ferreira reports on the Americas, with a focus on water, mining and coastal communities.',
    },
    {
      slug: 'owen-pritchard',
      name: 'Owen Pritchard',
      jobTitle: 'Political editor',
      bio: 'Owen Pritchard has covered Eastbridge City Hall and the regional assembly since 2015.',
    },
    {
      slug: 'daniel-okafor',
      name: 'Daniel Okafor',
      jobTitle: 'Business and technology editor',
      bio: 'Daniel Okafor writes about companies, trade and the technology that is changing both.',
    },
    {
      slug: 'maya-lindqvist',
      name: 'Maya Lindqvist',
      jobTitle: 'Culture editor',
      bio: 'Maya Lindqvist reviews theatre and books and writes about the city’s museums and festivals.',
    },
  ],

  tags: [
    // Topics
    { slug: 'defence', name: 'Defence', kind: 'TOPIC', description: 'Armed forces, alliances and the arms trade.' },
    { slug: 'housing', name: 'Housing', kind: 'TOPIC' },
    { slug: 'climate', name: 'Climate and weather', kind: 'TOPIC' },
    { slug: 'transport', name: 'Transport', kind: 'TOPIC' },
    { slug: 'energy', name: 'Energy', kind: 'TOPIC' },
    { slug: 'elections', name: 'Elections', kind: 'TOPIC' },
    { slug: 'economy', name: 'Economy', kind: 'TOPIC' },
    { slug: 'artificial-intelligence', name: 'Artificial intelligence', kind: 'TOPIC' },
    { slug: 'online-security', name: 'Online security', kind: 'TOPIC' },
    { slug: 'education', name: 'Education', kind: 'TOPIC' },
    { slug: 'health', name: 'Health', kind: 'TOPIC' },
    { slug: 'arts', name: 'Arts', kind: 'TOPIC' },
    { slug: 'books', name: 'Books', kind: 'TOPIC' },
    { slug: 'heritage', name: 'Heritage', kind: 'TOPIC' },
    // People
    { slug: 'kim-jong-un', name: 'Kim Jong Un', kind: 'PERSON', description: 'Leader of North Korea.' },
    { slug: 'kim-ju-ae', name: 'Kim Ju Ae', kind: 'PERSON', description: 'Daughter of Kim Jong Un.' },
    { slug: 'vladimir-putin', name: 'Vladimir Putin', kind: 'PERSON', description: 'President of Russia.' },
    { slug: 'ingrid-solberg', name: 'Ingrid Solberg', kind: 'PERSON', description: 'Spokeswoman for the Varnholm Ferry Workers’ Union.' },
    { slug: 'teodora-lim', name: 'Teodora Lim', kind: 'PERSON', description: 'Head teacher of Mokseo Primary School on Sanwol island.' },
    { slug: 'arturo-velez', name: 'Arturo Vélez', kind: 'PERSON', description: 'Director of Puerto Alcor’s municipal water company.' },
    { slug: 'nadia-brennan', name: 'Nadia Brennan', kind: 'PERSON', description: 'Member of the regional assembly.' },
    { slug: 'margaret-oyelaran', name: 'Margaret Oyelaran', kind: 'PERSON', description: 'Mayor of Eastbridge.' },
    { slug: 'felix-amari', name: 'Felix Amari', kind: 'PERSON', description: 'Chief financial officer of Brightwater Energy.' },
    { slug: 'rosa-delacroix', name: 'Rosa Delacroix', kind: 'PERSON', description: 'Artistic director of the Lantern Theatre Company.' },
    // Organizations
    { slug: 'korean-central-news-agency', name: 'Korean Central News Agency', kind: 'ORGANIZATION', description: 'North Korea’s state news agency (KCNA).', aliases: ['KCNA'] },
    { slug: 'rodong-sinmun', name: 'Rodong Sinmun', kind: 'ORGANIZATION', description: 'Newspaper of the Workers’ Party of Korea.' },
    { slug: 'national-intelligence-service', name: 'National Intelligence Service', kind: 'ORGANIZATION', description: 'South Korea’s intelligence agency (NIS).', aliases: ['NIS'] },
    { slug: 'workers-party-of-korea', name: 'Workers’ Party of Korea', kind: 'ORGANIZATION', description: 'North Korea’s ruling party.', aliases: ['WPK'] },
    { slug: 'eastbridge-city-council', name: 'Eastbridge City Council', kind: 'ORGANIZATION' },
    { slug: 'varnholm-ferry-workers-union', name: 'Varnholm Ferry Workers’ Union', kind: 'ORGANIZATION' },
    { slug: 'halvorsen-shipping', name: 'Halvorsen Shipping', kind: 'ORGANIZATION', description: 'Container line based in Varnholm.' },
    { slug: 'brightwater-energy', name: 'Brightwater Energy', kind: 'ORGANIZATION', description: 'Offshore wind power company.' },
    { slug: 'kestrel-robotics', name: 'Kestrel Robotics', kind: 'ORGANIZATION', description: 'Maker of warehouse robots.' },
    { slug: 'greystone-bakeries', name: 'Greystone Bakeries', kind: 'ORGANIZATION', description: 'Eastbridge bakery chain.' },
    { slug: 'lantern-theatre-company', name: 'Lantern Theatre Company', kind: 'ORGANIZATION' },
    { slug: 'international-grain-council', name: 'International Grain Council', kind: 'ORGANIZATION', description: 'Industry body that tracks world trade in cereals.' },
    // Places
    { slug: 'pyongyang', name: 'Pyongyang', kind: 'PLACE' },
    { slug: 'north-korea', name: 'North Korea', kind: 'PLACE', aliases: ['DPRK', 'Democratic People’s Republic of Korea'] },
    { slug: 'russia', name: 'Russia', kind: 'PLACE' },
    { slug: 'ukraine', name: 'Ukraine', kind: 'PLACE' },
    { slug: 'south-korea', name: 'South Korea', kind: 'PLACE' },
    { slug: 'eastbridge', name: 'Eastbridge', kind: 'PLACE', description: 'Masthead’s home city.' },
    { slug: 'varnholm', name: 'Varnholm', kind: 'PLACE' },
    { slug: 'sanwol', name: 'Sanwol', kind: 'PLACE' },
    { slug: 'taemun', name: 'Taemun', kind: 'PLACE' },
    { slug: 'karasu-bay', name: 'Karasu Bay', kind: 'PLACE' },
    { slug: 'lanh-ha-delta', name: 'Lanh Ha delta', kind: 'PLACE' },
    { slug: 'merapang', name: 'Merapang', kind: 'PLACE' },
    { slug: 'oberstein', name: 'Oberstein', kind: 'PLACE' },
    { slug: 'calvera', name: 'Calvera', kind: 'PLACE' },
    { slug: 'kessel', name: 'Kessel', kind: 'PLACE' },
    { slug: 'castelbruno', name: 'Castelbruno', kind: 'PLACE' },
    { slug: 'lindvik', name: 'Lindvik', kind: 'PLACE' },
    { slug: 'puerto-alcor', name: 'Puerto Alcor', kind: 'PLACE' },
    { slug: 'bahia-serena', name: 'Bahía Serena', kind: 'PLACE' },
    { slug: 'lakeport', name: 'Lakeport', kind: 'PLACE' },
    { slug: 'sierra-blanca', name: 'Sierra Blanca', kind: 'PLACE' },
    { slug: 'isla-verano', name: 'Isla Verano', kind: 'PLACE' },
    // Events
    { slug: 'party-congress', name: 'Party congress', kind: 'EVENT', description: 'Congress of the Workers’ Party of Korea.' },
    { slug: 'eastbridge-mayoral-election', name: 'Eastbridge mayoral election', kind: 'EVENT' },
    { slug: 'harbour-lights-festival', name: 'Harbour Lights Festival', kind: 'EVENT' },
    { slug: 'harbour-cities-summit', name: 'Harbour Cities Summit', kind: 'EVENT' },
    // Series
    {
      slug: 'pyongyang-moscow-axis',
      name: 'The Pyongyang–Moscow axis',
      kind: 'SERIES',
      description: 'Our coverage of North Korea’s alliance with Russia and the war in Ukraine.',
    },
    { slug: 'city-hall-watch', name: 'City Hall Watch', kind: 'SERIES', description: 'Following the decisions made in Eastbridge City Hall.' },
    { slug: 'climate-frontlines', name: 'Climate Frontlines', kind: 'SERIES', description: 'Places already living with a changing climate.' },
  ],

  articles: [
    // ——— The Saeppyol Street story and its companions ———
    {
      slug: 'kim-jong-un-opens-saeppyol-street-homes',
      headline: 'Kim Jong Un opens Saeppyol Street homes for families of soldiers killed abroad',
      standfirst:
        'The new Pyongyang housing district, built for relatives of troops who died in operations overseas, shows how closely North Korea’s military is now tied to Russia’s war in Ukraine.',
      section: 'world/asia',
      authors: ['hana-seo'],
      tags: [
        'kim-jong-un',
        'north-korea',
        'russia',
        'pyongyang',
        'ukraine',
        'south-korea',
        'kim-ju-ae',
        'vladimir-putin',
        'korean-central-news-agency',
        'rodong-sinmun',
        'national-intelligence-service',
        'defence',
      ],
      publishedAt: '2026-11-12T09:30:00Z',
      mainImage: 'saeppyol-street',
      bodyMarkdown: md(
        'Kim Jong Un has opened a new district of homes in Pyongyang set aside for relatives of North Korean troops who died in military operations abroad, a step that throws light on how tightly the country’s armed forces are now bound to Russia while the war in Ukraine goes on. State media hailed the opening of the district, which has been named Saeppyol Street, as a great honour for the nation and something the capital could be proud of.',
        '## A Symbol of National Gratitude and Strategic Alignment',
        'The complex is the leadership’s most visible gesture yet towards the soldiers who gave their lives in the service of the state. Rodong Sinmun, the state newspaper, called it "a source of honour for our generation and a pride of Pyongyang and our state", casting the dead as heroes. Kim Jong Un was said to have prayed for the "immortality of the martyrs" at what appears to have been a solemn ceremony, meant to write their names into the nation’s history.',
        'Official accounts from Pyongyang made no direct mention of Ukraine, yet the timing speaks for itself. Only a week earlier, Kim Jong Un had restated his pledge to "unconditionally support" every policy and decision taken by Russian President Vladimir Putin. Intelligence gathered by Ukraine, South Korea and Western governments indicates that, since 2024, North Korea has sent thousands of its troops to fight for Russia in Ukraine under the terms of a mutual defence pact.',
        'The homes are meant to give bereaved relatives security and comfort, and to show in bricks and mortar that the state is grateful to them. The Korean Central News Agency (KCNA) reported that Kim had asked for the building work to be speeded up, hoping the district would bring the families "some small comfort". Pictures published by KCNA showed him with Kim Ju Ae, his daughter, meeting relatives of the dead, offering condolences and walking through their new flats: a carefully staged portrait of a caring leader and a nation united in mourning.',
        '## The Shadow of the Ukraine War',
        'The new district also makes plain what the country’s growing part in wars abroad is costing its people. South Korea’s National Intelligence Service (NIS) puts the number of North Korean soldiers killed or wounded during the deployment in Ukraine at up to 6,000. The agency has not said how that total divides between the dead and the wounded, but the figure gives a sense of how deeply Pyongyang is said to be involved, and of the price paid by its troops and their relatives.',
        'The consequences reach beyond the troops sent to the front. According to the NIS, North Korean units are picking up valuable experience of modern warfare by taking part in the fighting. The agency also believes that Russia is giving Pyongyang technical help which could make its own fast-growing arsenal considerably more capable.',
        '## A Reciprocal Relationship: Arms for Technology',
        'Both sides appear to gain from the alliance, which rests on common strategic interests and a shared wish to upend the international order. Besides sending soldiers, North Korea is widely thought to be shipping Moscow ballistic missiles, long-range rocket systems and artillery shells in large numbers. Russia, for its part, is reported to be paying with money, with advanced military technology and with much-needed deliveries of food and energy.',
        'This trade in matériel and know-how is more than a simple bargain: it is redrawing the geopolitical map. A North Korean military strengthened by Russian help and battlefield experience is a serious worry for stability in the region, above all to South Korea and the countries allied with it. The chance that Pyongyang will turn its new strength towards its nuclear and missile programmes makes an already tense security picture more complicated still.',
        '## Honoring the Fallen: A National Campaign',
        'Saeppyol Street is one of many ceremonies and state-backed projects that commemorate North Korea’s war dead. Over recent months the authorities have staged several events in honour of fallen soldiers, among them the unveiling of a newly built memorial complex in the capital. Such occasions are meant to stir national feeling, to justify the sacrifices asked of citizens, and to present a strong, united state that stands firmly behind both its troops and its allies.',
        'Paying tribute to the military dead is also a powerful propaganda instrument, used to win public backing and to insist that the state’s conduct abroad is righteous. By putting its soldiers’ sacrifices on show, the leadership hopes to build national pride and a shared sense of purpose, even while ordinary people live with severe economic hardship.',
        '## Political Undercurrents and Future Trajectories',
        'The homes were also finished just ahead of important political events. The district opens shortly before the party congress, the biggest event in the regime’s political calendar, which is due to be held later this month on a date that has not been made public. Kim Jong Un often uses such meetings to set out new policies, restate ideological principles and strengthen his hold on power.',
        'Kim Ju Ae’s regular appearances beside her father at high-profile occasions keep alive speculation that she may one day succeed him. Her prominent part in ceremonies honouring the military, the opening of the new homes among them, hints that she is being readied for an important leadership role. How the succession is handled matters greatly to the country’s stability over the long term, and to the way it conducts itself at home and abroad.',
        '## Broader Implications for Regional Security',
        'The closer military partnership between North Korea and Russia, of which these homes for the families of fallen soldiers are one symbolic sign, has wide consequences for global security. It shows both countries increasingly ready to defy international sanctions and to pursue their strategic goals outside the accepted rules of diplomacy. A North Korea that keeps strengthening its forces, and is willing to take part in proxy wars, poses a formidable challenge to Japan, South Korea, the United States and other regional powers.',
        'Weapons and supplies are likely to keep travelling to Russia from North Korea, with technology and resources going back the other way. This mutually dependent relationship strengthens the armed forces of both countries and makes it harder to calm conflicts and to work towards denuclearization of the Korean Peninsula. The world’s governments must find ways to counter this widening axis of cooperation without provoking further escalation. Though it is offered as a humanitarian gesture, the new housing for the families of fallen soldiers cannot be separated from the tangled geopolitics of the 21st century.',
      ),
      quotes: [
        {
          text: 'a source of honour for our generation and a pride of Pyongyang and our state',
          speakerName: 'Rodong Sinmun',
          speaker: 'rodong-sinmun',
          context: 'The state newspaper on the opening of Saeppyol Street.',
        },
        {
          text: 'immortality of the martyrs',
          speakerName: 'Kim Jong Un',
          speaker: 'kim-jong-un',
          context: 'Prayers offered at the opening ceremony.',
        },
        {
          text: 'unconditionally support',
          speakerName: 'Kim Jong Un',
          speaker: 'kim-jong-un',
          context: 'His pledge towards the policies and decisions of Vladimir Putin.',
        },
        {
          text: 'some small comfort',
          speakerName: 'Kim Jong Un',
          speaker: 'kim-jong-un',
          reportedBy: 'korean-central-news-agency',
          context: 'What he hoped the district would bring the bereaved families.',
        },
      ],
      related: [
        { slug: 'north-korea-russia-mutual-defence-pact-explained', relation: 'BACKGROUND' },
        { slug: 'north-korea-party-congress-opens', relation: 'FOLLOW_UP' },
      ],
    },
    {
      slug: 'north-korea-russia-mutual-defence-pact-explained',
      headline: 'What the North Korea–Russia mutual defence pact commits each side to',
      standfirst:
        'The treaty signed in Pyongyang in 2024 turned a marriage of convenience into a formal alliance. Here is what it says and why it matters.',
      section: 'world/asia',
      authors: ['hana-seo'],
      tags: ['north-korea', 'russia', 'kim-jong-un', 'vladimir-putin', 'defence', 'pyongyang-moscow-axis'],
      publishedAt: '2026-09-08T07:00:00Z',
      bodyMarkdown: md(
        'North Korea and Russia signed their Comprehensive Strategic Partnership treaty in Pyongyang in June 2024, during Vladimir Putin’s first visit to the North Korean capital in more than two decades. Both countries ratified it later that year, and it has been in force since.',
        '## The mutual assistance clause',
        'The treaty’s best-known article obliges each side to come to the other’s aid, with all the means at its disposal, if it is attacked and finds itself at war. Moscow and Pyongyang present the clause as purely defensive; governments in Seoul, Tokyo and Washington have warned that it gives cover to much deeper military cooperation.',
        '## From paper to the battlefield',
        'South Korean, Ukrainian and Western intelligence assessments say North Korean troops have been fighting for Russia since 2024. Pyongyang later acknowledged the deployment and described it as an obligation under the treaty.',
        'The pact also covers trade, science and technology, and that is where many analysts expect its longer-term effects to show: in a flow of Russian expertise towards North Korea’s weapons programmes.',
      ),
    },
    {
      slug: 'nis-estimates-north-korean-casualties-in-ukraine',
      headline: 'South Korean intelligence puts North Korean losses in Ukraine at up to 6,000',
      standfirst:
        'The National Intelligence Service says thousands of soldiers sent to fight for Russia may have been killed or wounded, without saying how many died.',
      section: 'world/asia',
      authors: ['hana-seo'],
      tags: ['national-intelligence-service', 'north-korea', 'south-korea', 'ukraine', 'russia', 'defence', 'pyongyang-moscow-axis'],
      publishedAt: '2026-10-01T06:30:00Z',
      bodyMarkdown: md(
        'Up to 6,000 North Korean soldiers may have been killed or wounded since Pyongyang began sending troops to support Russia’s war in Ukraine, according to an estimate by South Korea’s National Intelligence Service (NIS).',
        'The agency has not said how the total divides between the dead and the wounded, and its figures cannot be checked independently. North Korea publishes no casualty numbers of its own.',
        'The NIS has also warned that the deployment is giving North Korean units experience of modern combat, and that technical help from Russia could strengthen Pyongyang’s own weapons programmes.',
        'The estimate comes as North Korea steps up public ceremonies for soldiers who died abroad, a campaign that observers in Seoul see as a way of preparing the public for further losses.',
      ),
    },
    {
      slug: 'north-korea-russia-arms-for-technology',
      headline: 'Shells for know-how: how the North Korea–Russia arms trade works',
      standfirst: 'Artillery and missiles travel west; cash, food, energy and military technology travel east.',
      section: 'world/asia',
      authors: ['hana-seo', 'daniel-okafor'],
      tags: ['north-korea', 'russia', 'defence', 'south-korea', 'pyongyang-moscow-axis'],
      publishedAt: '2026-10-14T08:00:00Z',
      bodyMarkdown: md(
        'North Korea is widely believed to have sent Russia large quantities of artillery shells, along with ballistic missiles and long-range rocket systems, for use in the war in Ukraine.',
        '## What Pyongyang gets in return',
        'Russia is reported to be paying in several currencies at once. By the accounts of intelligence services and analysts, North Korea receives:',
        '- cash, which international sanctions otherwise make scarce\n- shipments of food and energy\n- advanced military technology and technical assistance\n- combat experience for the troops it has sent',
        'South Korean officials fear that the technology could help Pyongyang improve its nuclear and missile programmes, and that the trade is wearing away the sanctions meant to contain them.',
      ),
      related: [{ slug: 'north-korea-russia-mutual-defence-pact-explained', relation: 'BACKGROUND' }],
    },
    {
      slug: 'kim-ju-ae-public-role',
      headline: 'Kim Ju Ae’s growing public role fuels talk of succession',
      standfirst: 'The daughter of Kim Jong Un, seldom absent from major state events, is increasingly treated as a likely heir.',
      section: 'world/asia',
      authors: ['hana-seo'],
      tags: ['kim-ju-ae', 'kim-jong-un', 'north-korea', 'national-intelligence-service', 'pyongyang'],
      publishedAt: '2026-10-29T05:45:00Z',
      bodyMarkdown: md(
        'Kim Ju Ae, the daughter of Kim Jong Un, was first shown by state media in November 2022, at the launch of an intercontinental ballistic missile. Since then she has appeared at her father’s side at military parades, weapons tests and official ceremonies.',
        'State media rarely, if ever, use her name, referring to her instead with honorific titles.',
        'South Korea’s National Intelligence Service has said that it regards her as the most likely successor, while cautioning that the picture could still change.',
        'Her presence at ceremonies for soldiers killed abroad has given her a place in one of the regime’s most important current campaigns. Analysts will be watching whether she has any role at the coming party congress.',
      ),
    },
    {
      slug: 'north-korea-party-congress-opens',
      headline: 'North Korea’s ruling party opens its congress in Pyongyang',
      standfirst: 'The Workers’ Party of Korea’s most important gathering is expected to set policy for the next five years. Here is what to watch.',
      section: 'world/asia',
      authors: ['hana-seo'],
      tags: ['party-congress', 'workers-party-of-korea', 'kim-jong-un', 'kim-ju-ae', 'north-korea', 'pyongyang', 'pyongyang-moscow-axis'],
      publishedAt: '2026-11-24T10:00:00Z',
      bodyMarkdown: md(
        'Delegates of the Workers’ Party of Korea have gathered in Pyongyang for the party congress, the ruling party’s most important meeting, less than two weeks after Kim Jong Un opened the Saeppyol Street homes for families of soldiers killed abroad. The date had not been announced in advance.',
        '## What to watch',
        'Observers in Seoul and elsewhere are looking for:',
        '- a new five-year plan for the economy\n- any change in the language used about Russia and the war in Ukraine\n- promotions and dismissals in the party leadership\n- whether Kim Ju Ae appears, and in what role',
        'Congresses are rare. The previous one, in January 2021, was only the eighth in the party’s history, and Kim Jong Un has used them to set out policy and consolidate his position.',
        'State media are expected to publish accounts of the proceedings over the coming days.',
      ),
      related: [
        { slug: 'kim-jong-un-opens-saeppyol-street-homes', relation: 'BACKGROUND' },
        { slug: 'kim-ju-ae-public-role', relation: 'SEE_ALSO' },
      ],
    },

    // ——— World ———
    {
      slug: 'harbour-cities-summit-clean-shipping-pledge',
      headline: 'Forty port cities sign clean-shipping pledge at Harbour Cities Summit',
      standfirst: 'Mayors promise shore power at every major berth by 2032, but the pledge carries no penalties.',
      section: 'world',
      authors: ['tomas-varga'],
      tags: ['harbour-cities-summit', 'climate', 'transport', 'varnholm'],
      publishedAt: '2026-09-03T11:00:00Z',
      bodyMarkdown: md(
        'Representatives of forty port cities meeting in Varnholm have signed a pledge to cut emissions from ships while they are tied up in harbour, the most concrete result of the three-day Harbour Cities Summit.',
        '## What they signed up to',
        'The pledge commits each city to:',
        '- provide shore power at every major passenger and container berth by 2032\n- charge lower harbour fees to ships that plug in\n- publish yearly figures for emissions in port',
        'The agreement is voluntary. Several large ports sent only observers, and shipping lines said the cost of fitting vessels to take shore power would have to be shared.',
      ),
    },
    {
      slug: 'flyway-count-record-wading-birds',
      headline: 'Volunteer bird count finds more wading birds on fewer wetlands',
      standfirst: 'An annual survey across three continents finds flocks crowding into the wetlands that remain.',
      section: 'world',
      authors: ['tomas-varga'],
      tags: ['climate', 'climate-frontlines'],
      publishedAt: '2026-09-21T08:15:00Z',
      bodyMarkdown: md(
        'The annual Flyway Count, in which some 12,000 volunteers on three continents tally migrating birds over a single weekend, recorded its highest number of wading birds in a decade this year.',
        'But the birds were counted on fewer sites than ever, the organisers say, as drained and built-over wetlands drop off the map and flocks crowd into the places that are left.',
        'Crowding makes birds more vulnerable to disease and to a single bad season, and the organisers are asking governments to protect the staging sites that migrating flocks depend on.',
      ),
    },
    {
      slug: 'grain-prices-fall-third-month',
      headline: 'Food import bills ease as grain prices fall for a third month',
      standfirst: 'Good harvests have lowered prices, but freight and currency costs keep bread dear in poorer importing countries.',
      section: 'world',
      authors: ['daniel-okafor'],
      tags: ['economy', 'international-grain-council'],
      publishedAt: '2026-10-19T12:00:00Z',
      bodyMarkdown: md(
        'Wholesale prices of wheat, maize and rice fell for a third month running in October, according to the International Grain Council, an industry body that tracks world trade in cereals.',
        'Large harvests in several exporting regions account for most of the fall. The council cautioned that higher freight costs and weak currencies mean many importing countries are not yet seeing the benefit in the price of bread.',
        '## Who benefits',
        'Countries whose currencies have held up against the dollar will feel the relief first; those whose currencies have weakened may see little change before the new year.',
      ),
    },

    // ——— World › Asia ———
    {
      slug: 'typhoon-sanwol-evacuations',
      headline: 'Typhoon forces evacuation of 30,000 from Sanwol island',
      standfirst: 'Ferries halted and schools closed as the storm nears the island’s southern coast.',
      section: 'world/asia',
      authors: ['hana-seo'],
      tags: ['sanwol', 'climate', 'climate-frontlines'],
      publishedAt: '2026-09-10T03:20:00Z',
      bodyMarkdown: md(
        'Authorities on Sanwol, an island province of fishing towns and tangerine farms, moved about 30,000 residents to shelters overnight as a typhoon approached its southern coast with winds of more than 150 km/h.',
        'All ferry services to the mainland were suspended and schools were told to stay closed until the weekend. Fishing boats were ordered back to harbour and tied up in rows along the breakwaters.',
        'Forecasters expect the storm to weaken as it passes over cooler water, but warned of landslides on the island’s steep eastern slopes, where heavy rain fell for much of last week.',
      ),
      liveblog: {
        state: 'ENDED',
        entries: [
          {
            title: 'Shelters fill as the first bands of rain arrive',
            bodyMarkdown: 'School halls and the ferry terminal in the island’s main town are now shelters. Volunteers are handing out blankets and rice; officials say about **12,000** people have arrived so far.',
            author: 'hana-seo',
            publishedAt: '2026-09-10T03:40:00Z',
          },
          {
            title: 'Ferries suspended',
            bodyMarkdown: 'The last ferry to the mainland left at 5am. All crossings are cancelled until the storm has passed, the port authority says.',
            author: 'hana-seo',
            keyEvent: true,
            publishedAt: '2026-09-10T05:05:00Z',
          },
          {
            title: 'Landslide warning for the eastern slopes',
            bodyMarkdown: 'Forecasters have raised the landslide warning for villages on the steep eastern side of the island, where the ground is already soaked after a week of rain.',
            keyEvent: true,
            publishedAt: '2026-09-10T07:20:00Z',
          },
          {
            title: 'What we know',
            bodyMarkdown: '- About 30,000 people spent the night in shelters.\n- Ferries and schools stay closed until the weekend.\n- No deaths have been reported.',
            author: 'hana-seo',
            pinned: true,
            publishedAt: '2026-09-10T09:00:00Z',
          },
          {
            title: 'Storm weakens over cooler water',
            bodyMarkdown: 'The typhoon has weakened to a tropical storm as it moves away from the island. This live coverage has ended; our report above has the full story.',
            author: 'hana-seo',
            keyEvent: true,
            publishedAt: '2026-09-10T13:30:00Z',
          },
        ],
      },
    },
    {
      slug: 'sanwol-school-reopens-after-typhoon',
      headline: 'Sanwol’s hillside school reopens two weeks after typhoon',
      standfirst: 'Volunteers from the fishing cooperatives helped to clear the mud and replace the desks.',
      section: 'world/asia',
      authors: ['hana-seo'],
      tags: ['sanwol', 'education', 'teodora-lim'],
      publishedAt: '2026-09-25T02:00:00Z',
      bodyMarkdown: md(
        'Pupils returned to Mokseo Primary School on Sanwol island this week, two weeks after the typhoon tore away part of its roof and flooded its ground-floor classrooms.',
        'Volunteers from the island’s fishing cooperatives helped to clear the mud and bring in new desks. The head teacher, Teodora Lim, said the building "smelled of new paint and wet wood" on the first morning, and that almost every pupil was back.',
        'The provincial education office says repairs to four other damaged schools will be finished by the end of the month.',
      ),
      quotes: [
        {
          text: 'smelled of new paint and wet wood',
          speakerName: 'Teodora Lim',
          speaker: 'teodora-lim',
          context: 'On the first morning back at Mokseo Primary School.',
        },
      ],
      related: [{ slug: 'typhoon-sanwol-evacuations', relation: 'BACKGROUND' }],
    },
    {
      slug: 'taemun-keryong-high-speed-line-opens',
      headline: 'High-speed line cuts Taemun–Keryong journey to 48 minutes',
      standfirst: 'The 190-kilometre link, seven years in the building, opened with fares below what the airlines charge.',
      section: 'world/asia',
      authors: ['hana-seo'],
      tags: ['transport', 'taemun'],
      publishedAt: '2026-10-05T04:00:00Z',
      bodyMarkdown: md(
        'The first scheduled trains ran between the port city of Taemun and the inland capital of Keryong this morning, cutting a journey that took more than three hours by road to 48 minutes.',
        '## Fares and timetable',
        'Trains will run every 20 minutes at peak times. Introductory fares are set below those of the airlines that fly the route, which have already announced cuts to their schedules.',
        'The line took seven years to build and opened two years late, largely because of tunnelling through the Keryong hills, where engineers met unexpectedly soft rock.',
      ),
    },
    {
      slug: 'karasu-bay-port-to-double',
      headline: 'Karasu Bay container port to double in size',
      standfirst: 'Reclaimed land and four new berths will let the port take the largest ships afloat.',
      section: 'world/asia',
      authors: ['daniel-okafor'],
      tags: ['karasu-bay', 'transport', 'economy'],
      publishedAt: '2026-10-21T05:30:00Z',
      bodyMarkdown: md(
        'The port authority of Karasu Bay has approved a plan to double the container port’s capacity by 2031, reclaiming 140 hectares of shallow seabed for new quays.',
        'The expansion includes:',
        '- four deep-water berths for the largest container ships\n- a rail terminal linking the quays to the national freight network\n- a rebuilt fishing harbour further along the coast, as promised to local fishers',
        'Environmental groups object to the loss of mudflats used by migrating birds, and say they will challenge the plan’s environmental assessment in court.',
      ),
    },
    {
      slug: 'lanh-ha-delta-late-monsoon',
      headline: 'Late monsoon leaves delta rice farmers counting losses',
      standfirst: 'Yields are down by about a fifth, and many farmers paid for seed twice.',
      section: 'world/asia',
      authors: ['hana-seo'],
      tags: ['lanh-ha-delta', 'climate', 'climate-frontlines', 'economy'],
      publishedAt: '2026-11-06T03:10:00Z',
      bodyMarkdown: md(
        'Rice farmers in the Lanh Ha delta are bringing in their main crop weeks late, after the monsoon rains arrived a month behind schedule and then fell in a few heavy bursts.',
        'Cooperatives in the delta estimate that yields are down by about a fifth. Many farmers replanted after their first seedlings dried out, doubling what they spent on seed and fertiliser.',
        'Provincial officials have offered low-interest loans, but farmers’ groups say they want help to build small reservoirs, so that a late monsoon need not mean a lost season.',
      ),
    },
    {
      slug: 'merapang-haze-closes-schools',
      headline: 'Haze from peat fires closes schools in Merapang',
      standfirst: 'Air pollution has reached hazardous levels for a second day as underground fires smoulder in the lowlands.',
      section: 'world/asia',
      authors: ['hana-seo'],
      tags: ['merapang', 'health', 'climate'],
      publishedAt: '2026-11-18T01:45:00Z',
      bodyMarkdown: md(
        'Schools in the city of Merapang closed for a second day as smoke from peat fires in the surrounding lowlands pushed air pollution readings to hazardous levels.',
        '## Advice to residents',
        'The city’s health department has advised residents to:',
        '- stay indoors where possible, especially children and older people\n- wear well-fitting masks outdoors\n- keep windows closed during the worst hours of the morning',
        'Fire crews say the underground peat fires could smoulder for weeks unless heavy rain arrives.',
      ),
    },

    // ——— World › Europe ———
    {
      slug: 'calvera-hottest-september-day',
      headline: 'Calvera records its hottest September day as heat lingers in the south',
      standfirst: 'Water restrictions are tightened and public buildings open overnight as cooling centres.',
      section: 'world/europe',
      authors: ['tomas-varga'],
      tags: ['calvera', 'climate', 'climate-frontlines'],
      publishedAt: '2026-09-04T14:30:00Z',
      bodyMarkdown: md(
        'The southern city of Calvera recorded 41.8C, the highest temperature measured there in September since records began in 1921.',
        'Water restrictions already in force across the region were tightened, and the city opened air-conditioned public buildings overnight as cooling centres.',
        'Forecasters expect temperatures to fall back towards the seasonal average by the middle of next week.',
      ),
    },
    {
      slug: 'varnholm-ferry-strike-ends',
      headline: 'Varnholm ferry strike ends after 11 days with pay deal',
      standfirst: 'Crews accept a two-year agreement, and full services to the outer islands resume at the weekend.',
      section: 'world/europe',
      authors: ['tomas-varga'],
      tags: ['varnholm', 'transport', 'varnholm-ferry-workers-union', 'ingrid-solberg'],
      publishedAt: '2026-09-14T06:00:00Z',
      mainImage: 'varnholm-ferry',
      bodyMarkdown: md(
        'Ferry crews in Varnholm have voted to accept a two-year pay deal, ending an 11-day strike that left the outer islands reachable only by air.',
        'The agreement raises pay by 9 per cent over two years and limits shifts to 12 hours. Ingrid Solberg, a spokeswoman for the Varnholm Ferry Workers’ Union, said crews had "won back the right to go home and sleep" between sailings.',
        'The ferry operator said full timetables would resume at the weekend, with extra sailings to clear a backlog of freight for island shops.',
      ),
      quotes: [
        {
          text: 'won back the right to go home and sleep',
          speakerName: 'Ingrid Solberg',
          speaker: 'ingrid-solberg',
          context: 'On the limit on shift length in the new agreement.',
        },
      ],
    },
    {
      slug: 'oberstein-votes-to-cap-holiday-lets',
      headline: 'Alpine village of Oberstein votes to cap holiday lets',
      standfirst: 'No more than one home in ten may be let to tourists from next year.',
      section: 'world/europe',
      authors: ['tomas-varga'],
      tags: ['oberstein', 'housing'],
      publishedAt: '2026-09-28T09:00:00Z',
      bodyMarkdown: md(
        'Residents of Oberstein, a mountain village of 2,300 people, have voted to limit the number of homes that can be let to tourists, after years in which local families said they were being priced out.',
        '## What changes',
        'From next year no more than one home in ten may be let for short stays. Lets above that share will lose their licences gradually, over five years.',
        'Hoteliers backed the measure. Some owners of holiday flats say they will challenge it, arguing that it lowers the value of their property.',
      ),
    },
    {
      slug: 'kessel-marano-night-train-returns',
      headline: 'Night train returns between Kessel and Marano after 14 years',
      standfirst: 'All 260 berths on the first sleeper were sold, and the operator is adding a fourth sleeping car.',
      section: 'world/europe',
      authors: ['tomas-varga'],
      tags: ['kessel', 'transport'],
      publishedAt: '2026-10-09T18:00:00Z',
      bodyMarkdown: md(
        'A sleeper service between the northern city of Kessel and the coastal resort of Marano ran for the first time in 14 years last night, with all 260 berths sold.',
        'The route closed when low-cost flights drew its passengers away. Its revival is backed by a five-year subsidy from the two regions it links, which want to cut air traffic on a journey of barely 900 kilometres.',
        'Tickets for the coming weeks are largely sold out, and the operator says it will add a fourth sleeping car from the spring.',
      ),
    },
    {
      slug: 'castelbruno-roman-mosaic',
      headline: 'Roman mosaic found beneath Castelbruno car park',
      standfirst: 'Dolphins, octopuses and fish surround a figure that archaeologists have yet to identify.',
      section: 'world/europe',
      authors: ['maya-lindqvist', 'tomas-varga'],
      tags: ['castelbruno', 'heritage'],
      publishedAt: '2026-10-26T10:00:00Z',
      bodyMarkdown: md(
        'Archaeologists working ahead of a new car park in the hill town of Castelbruno have uncovered an almost complete Roman floor mosaic of sea creatures, about a metre below the old tarmac.',
        '## What was found',
        'The floor, about six metres by four, shows dolphins, octopuses and fish around a central figure that has not yet been identified. Coins found nearby suggest the room was in use in the third century.',
        'The town council has halted the car park while experts decide whether the mosaic can be lifted and displayed, or should be reburied to protect it.',
      ),
    },
    {
      slug: 'lindvik-old-bridge-closes',
      headline: 'Lindvik’s Old Bridge closes for eight months of repairs',
      standfirst: 'Inspectors found corrosion in the steel cables of a crossing that carries 30,000 vehicles a day.',
      section: 'world/europe',
      authors: ['tomas-varga'],
      tags: ['lindvik', 'transport'],
      publishedAt: '2026-11-16T07:30:00Z',
      bodyMarkdown: md(
        'The Old Bridge in Lindvik, which carries 30,000 vehicles a day across the river, has closed for at least eight months after inspectors found corrosion in its steel cables.',
        'Drivers have been advised to use:',
        '- the ring-road bridge, five kilometres downstream\n- free shuttle buses from park-and-ride sites on either bank\n- the river ferry, which will run every ten minutes at peak times',
        'Businesses on the north bank fear a drop in trade and have asked the city for lower business rates while the bridge is shut.',
      ),
    },

    // ——— World › Americas ———
    {
      slug: 'puerto-alcor-water-rationing',
      headline: 'Puerto Alcor rations water as reservoir falls to 18 per cent',
      standfirst: 'Households will get piped water four days a week after the driest winter in 50 years.',
      section: 'world/americas',
      authors: ['lucia-ferreira'],
      tags: ['puerto-alcor', 'climate', 'climate-frontlines', 'arturo-velez'],
      publishedAt: '2026-09-16T15:00:00Z',
      bodyMarkdown: md(
        'Households in Puerto Alcor will receive piped water on only four days a week from next week, after the city’s main reservoir fell to 18 per cent of capacity following the driest winter in 50 years.',
        'Arturo Vélez, director of the municipal water company, called the measure "painful but unavoidable" and said it would stay in place until the reservoir is back to at least 30 per cent.',
        'Hospitals, schools and fire stations are exempt. The city is also trucking water to hillside districts that lie beyond the reach of its pumping stations on dry days.',
      ),
      quotes: [
        {
          text: 'painful but unavoidable',
          speakerName: 'Arturo Vélez',
          speaker: 'arturo-velez',
          context: 'On rationing piped water to four days a week.',
        },
      ],
    },
    {
      slug: 'bahia-serena-sargassum-beaches-closed',
      headline: 'Seaweed tide shuts beaches in Bahía Serena',
      standfirst: 'Mats of sargassum several metres deep arrive with every tide, and hoteliers report cancellations.',
      section: 'world/americas',
      authors: ['lucia-ferreira'],
      tags: ['bahia-serena', 'climate', 'economy'],
      publishedAt: '2026-09-30T13:00:00Z',
      bodyMarkdown: md(
        'Mats of brown sargassum seaweed several metres deep have washed up along the beaches of Bahía Serena, forcing the resort town to close its main bathing areas for the second time this year.',
        'Rotting seaweed gives off a sulphurous smell and gases that can irritate the eyes and lungs. Town workers and hotel staff are clearing it with tractors, but new mats arrive with each tide.',
        'Hoteliers say cancellations are rising. The town council wants the regional government to pay for floating barriers offshore, which have kept the seaweed off beaches elsewhere on the coast.',
      ),
    },
    {
      slug: 'lakeport-approves-light-rail',
      headline: 'Lakeport approves light-rail line to its eastern suburbs',
      standfirst: 'A decade of argument over the route ends with a line that runs mostly on the surface.',
      section: 'world/americas',
      authors: ['lucia-ferreira'],
      tags: ['lakeport', 'transport'],
      publishedAt: '2026-10-12T20:00:00Z',
      bodyMarkdown: md(
        'Lakeport’s city council has approved a 22-kilometre light-rail line to the eastern suburbs, ending a decade of argument over whether the route should run on the surface or underground.',
        '## Route and cost',
        'The line will run mostly along the central reservation of Eastern Avenue, with a short tunnel under the old town. It is expected to cost 2.4 billion dollars and to open in 2032.',
        'Opponents, mostly shop owners on Eastern Avenue, warned that years of construction would keep customers away. The council has promised a compensation fund for businesses that lose trade.',
      ),
    },
    {
      slug: 'sierra-blanca-copper-mine-expansion',
      headline: 'Sierra Blanca copper mine expansion approved, with conditions on water',
      standfirst: 'The operator must stop drawing on the valley’s aquifer within four years and pipe desalinated water from the coast.',
      section: 'world/americas',
      authors: ['lucia-ferreira', 'daniel-okafor'],
      tags: ['sierra-blanca', 'economy'],
      publishedAt: '2026-11-02T16:00:00Z',
      bodyMarkdown: md(
        'Regulators have approved the expansion of the Cerro Alto copper mine in Sierra Blanca province, on condition that its operator stops drawing water from the valley’s aquifer within four years.',
        'The operator must build a desalination plant on the coast and a 160-kilometre pipeline up to the mine. Farmers in the valley had argued that the mine’s pumping was drying out their wells.',
        'The company says the expansion will double output and create 1,200 jobs during construction.',
      ),
    },
    {
      slug: 'isla-verano-sea-wall-rebuilt',
      headline: 'Isla Verano finishes its new sea wall as a quiet hurricane season ends',
      standfirst: 'The wall is a metre higher than the one destroyed two years ago, and backed by replanted mangroves.',
      section: 'world/americas',
      authors: ['lucia-ferreira'],
      tags: ['isla-verano', 'climate', 'climate-frontlines'],
      publishedAt: '2026-11-26T17:00:00Z',
      bodyMarkdown: md(
        'Isla Verano came through this year’s hurricane season without a direct hit, giving engineers time to finish rebuilding the sea wall that protects the island’s only town.',
        'The new wall is a metre higher than the one destroyed two years ago, and is backed by a strip of replanted mangroves meant to absorb the force of storm surges.',
        'Island officials say the next task is to move the power station and the clinic to higher ground before the next season begins in June.',
      ),
    },

    // ——— Politics ———
    {
      slug: 'eastbridge-mayoral-candidates-confirmed',
      headline: 'Four candidates confirmed for Eastbridge mayoral election',
      standfirst: 'Housing costs and the state of the buses are expected to dominate a two-month campaign.',
      section: 'politics',
      authors: ['owen-pritchard'],
      tags: ['eastbridge-mayoral-election', 'eastbridge', 'elections', 'city-hall-watch'],
      publishedAt: '2026-09-01T09:00:00Z',
      bodyMarkdown: md(
        'Four candidates have been confirmed for the election of Eastbridge’s mayor on 3 November, after the city’s returning officer closed nominations.',
        'The candidates are:',
        '- Margaret Oyelaran, the deputy mayor, for the Civic Alliance\n- Declan Hurst, a former bus company manager, for Eastbridge First\n- Sana Qureshi, a paediatric nurse, standing as an independent\n- Piotr Zielinski, a shopkeeper, for the Green Harbour party',
        'Housing costs and the state of the city’s buses are expected to dominate the campaign.',
      ),
    },
    {
      slug: 'eastbridge-budget-cuts-road-repairs',
      headline: 'Eastbridge council passes budget with deep cut to road repairs',
      standfirst: 'Council tax is frozen, but the road repair programme shrinks by a third.',
      section: 'politics',
      authors: ['owen-pritchard'],
      tags: ['eastbridge-city-council', 'eastbridge', 'economy', 'city-hall-watch'],
      publishedAt: '2026-09-23T17:30:00Z',
      bodyMarkdown: md(
        'Eastbridge City Council has approved next year’s budget by 27 votes to 22, freezing council tax but cutting the road repair programme by a third.',
        '## Where the money goes',
        'Spending on social care and school transport rises, the council says, because of growing demand that the law requires it to meet. Libraries and parks keep their current budgets.',
        'Opposition councillors said the city’s potholes would only get worse, and that repairs put off now always end up costing more.',
      ),
    },
    {
      slug: 'renters-rights-bill-passes',
      headline: 'Regional assembly passes renters’ rights bill',
      standfirst: 'Evictions without a stated reason end, and rents may rise only once a year.',
      section: 'politics',
      authors: ['owen-pritchard'],
      tags: ['housing', 'nadia-brennan', 'eastbridge', 'city-hall-watch'],
      publishedAt: '2026-10-16T19:00:00Z',
      bodyMarkdown: md(
        'The regional assembly has passed a bill that ends evictions without a stated reason and limits rent rises to once a year, after a final debate that ran past midnight.',
        'Nadia Brennan, the assembly member who introduced the bill, said it would give tenants "the confidence to ask for repairs without fearing the bailiffs". Landlords’ groups argued that it would push smaller owners out of the market.',
        'The law takes effect in April. Tenants’ advice services expect a rush of questions and have asked for extra funding to answer them.',
      ),
      quotes: [
        {
          text: 'the confidence to ask for repairs without fearing the bailiffs',
          speakerName: 'Nadia Brennan',
          speaker: 'nadia-brennan',
          context: 'On what the bill would give tenants.',
        },
      ],
    },
    {
      slug: 'oyelaran-elected-eastbridge-mayor',
      headline: 'Oyelaran elected Eastbridge mayor on low turnout',
      standfirst: 'The deputy mayor wins 44 per cent of first preferences and promises a housing plan within 100 days.',
      section: 'politics',
      authors: ['owen-pritchard'],
      tags: ['eastbridge-mayoral-election', 'margaret-oyelaran', 'eastbridge', 'elections', 'city-hall-watch'],
      publishedAt: '2026-11-04T02:30:00Z',
      mainImage: 'eastbridge-city-hall',
      bodyMarkdown: md(
        'Margaret Oyelaran, the deputy mayor, has been elected mayor of Eastbridge with 44 per cent of first-preference votes, on a turnout of 31 per cent, the lowest since the post was created.',
        'In her acceptance speech at the count in City Hall, she promised to make "every bus route a reason to leave the car at home" and to publish a housing plan within 100 days.',
        '## How the vote split',
        'Declan Hurst came second with 29 per cent, Sana Qureshi third with 17 per cent and Piotr Zielinski fourth with 10 per cent.',
      ),
      quotes: [
        {
          text: 'every bus route a reason to leave the car at home',
          speakerName: 'Margaret Oyelaran',
          speaker: 'margaret-oyelaran',
          context: 'Acceptance speech at the count.',
        },
      ],
      related: [{ slug: 'eastbridge-mayoral-candidates-confirmed', relation: 'BACKGROUND' }],
      corrections: [
        {
          text: 'An earlier version of this article gave the turnout as 34 per cent. It was 31 per cent.',
          publishedAt: '2026-11-04T09:15:00Z',
        },
      ],
    },

    // ——— Business ———
    {
      slug: 'halvorsen-orders-methanol-ships',
      headline: 'Halvorsen Shipping orders six methanol-powered container ships',
      standfirst: 'The Varnholm line’s biggest order in a decade is a bet that green fuel will reach its ports in time.',
      section: 'business',
      authors: ['daniel-okafor'],
      tags: ['halvorsen-shipping', 'energy', 'transport', 'varnholm'],
      publishedAt: '2026-09-06T08:00:00Z',
      bodyMarkdown: md(
        'Halvorsen Shipping, the Varnholm-based container line, has ordered six ships that can run on methanol, its biggest order in a decade.',
        'The ships will be delivered from 2029 and can also burn conventional fuel, which the company says it will need until enough green methanol is on sale in the ports it serves.',
        'Shares in the company rose 4 per cent on the news.',
      ),
      related: [{ slug: 'harbour-cities-summit-clean-shipping-pledge', relation: 'SEE_ALSO' }],
    },
    {
      slug: 'brightwater-energy-profit-rises',
      headline: 'Brightwater Energy profit rises after a gusty quarter',
      standfirst: 'Strong winds at its offshore farms lifted output, but the company is keeping its forecast.',
      section: 'business',
      authors: ['daniel-okafor'],
      tags: ['brightwater-energy', 'energy', 'felix-amari'],
      publishedAt: '2026-10-23T07:00:00Z',
      bodyMarkdown: md(
        'Brightwater Energy reported a 22 per cent rise in quarterly profit, helped by unusually strong winds at its offshore farms, which generated 3.1 terawatt hours of electricity in the three months to September.',
        'Felix Amari, the chief financial officer, cautioned that the company "cannot bank on the weather twice" and said the results would not change its investment plans.',
        '## Outlook',
        'The company kept its forecast for the full year and confirmed that it will decide on a new floating wind farm in the spring.',
      ),
      quotes: [
        {
          text: 'cannot bank on the weather twice',
          speakerName: 'Felix Amari',
          speaker: 'felix-amari',
          context: 'On the quarter’s unusually strong winds.',
        },
      ],
    },
    {
      slug: 'greystone-bakeries-expansion',
      headline: 'Greystone Bakeries to open 40 shops and a second bakery',
      standfirst: 'A family-owned food group takes a minority stake; the founders keep control.',
      section: 'business',
      authors: ['daniel-okafor'],
      tags: ['greystone-bakeries', 'economy', 'eastbridge'],
      publishedAt: '2026-11-09T08:30:00Z',
      bodyMarkdown: md(
        'Greystone Bakeries, the Eastbridge chain known for its sourdough and its queues, plans to open 40 shops over three years and to build a second bakery on the city’s eastern edge.',
        'The expansion will be paid for partly by a new investor, a family-owned food group taking a minority stake. The founders keep control.',
        'The company employs 620 people and expects to hire about 500 more.',
      ),
    },
    {
      slug: 'small-shops-card-fees',
      headline: 'Small shops feel the squeeze from card fees',
      standfirst: 'As fewer customers pay in cash, processing charges eat into thin margins.',
      section: 'business',
      authors: ['daniel-okafor'],
      tags: ['economy', 'eastbridge'],
      publishedAt: '2026-11-20T09:45:00Z',
      bodyMarkdown: md(
        'Small retailers in Eastbridge say rising card-processing fees are eating into already thin margins, as fewer customers pay in cash.',
        'A survey by the city’s chamber of commerce found that the typical small shop now pays:',
        '- about 1.6 per cent of each card sale in processing fees\n- a monthly rental for each card terminal\n- extra charges on business and foreign cards',
        'Some shops have begun asking for a minimum spend on cards; the chamber is urging members to compare providers instead.',
      ),
    },

    // ——— Technology ———
    {
      slug: 'kestrel-robotics-unloading-robot',
      headline: 'Kestrel Robotics unveils a robot that unloads lorries',
      standfirst: 'One of the last warehouse jobs done almost entirely by hand is the target of the company’s new machine.',
      section: 'technology',
      authors: ['daniel-okafor'],
      tags: ['kestrel-robotics', 'artificial-intelligence', 'economy'],
      publishedAt: '2026-09-11T10:00:00Z',
      mainImage: 'kestrel-robot',
      bodyMarkdown: md(
        'Kestrel Robotics has shown a robot that can unload boxes of mixed sizes from the back of a lorry, one of the last warehouse jobs still done almost entirely by hand.',
        'The machine uses cameras and a suction gripper to pick boxes from a jumbled stack. The company says it can move about 600 an hour, close to the pace of a person over a full shift.',
        'Trials with two logistics firms begin in January. Kestrel says the robots are meant to take on the heaviest lifting rather than replace crews, a claim that unions say they will test in practice.',
      ),
    },
    {
      slug: 'eastbridge-tests-adaptive-traffic-lights',
      headline: 'Eastbridge tests self-adjusting traffic lights at 40 junctions',
      standfirst: 'Software changes the length of green phases every few seconds, and late buses get priority.',
      section: 'technology',
      authors: ['daniel-okafor'],
      tags: ['eastbridge', 'transport', 'artificial-intelligence', 'eastbridge-city-council'],
      publishedAt: '2026-10-07T08:00:00Z',
      bodyMarkdown: md(
        'Eastbridge is testing traffic lights that adjust their timing to the traffic they see, at 40 junctions along two of the city’s busiest corridors.',
        '## How it works',
        'Cameras count vehicles, cyclists and people waiting to cross, and software changes the length of green phases every few seconds. Buses running late get priority.',
        'The council says the cameras do not record number plates or faces. The trial runs for a year, after which the system could be extended across the city.',
      ),
    },
    {
      slug: 'varnholm-data-centre-water',
      headline: 'Varnholm data centre plan raises questions over water',
      standfirst: 'Cooling could need up to 1.2 million litres a day at peak times, planning documents show.',
      section: 'technology',
      authors: ['daniel-okafor'],
      tags: ['varnholm', 'artificial-intelligence', 'climate'],
      publishedAt: '2026-10-31T12:30:00Z',
      bodyMarkdown: md(
        'A proposed data centre on the edge of Varnholm would use up to 1.2 million litres of water a day for cooling at peak times, according to planning documents filed by the developer.',
        'Residents’ groups say that is more than the town’s summer reservoir can spare. The developer says most of the water would be recycled, and that it could switch to cooling with seawater if the council prefers.',
        'The planning committee will consider the application in the new year.',
      ),
    },
    {
      slug: 'passkeys-explainer',
      headline: 'Explainer: what passkeys are, and how to start using them',
      standfirst: 'Signing in with a fingerprint or a PIN instead of a password is safer, and easier than it sounds.',
      section: 'technology',
      authors: ['daniel-okafor'],
      tags: ['online-security'],
      publishedAt: '2026-11-14T11:00:00Z',
      bodyMarkdown: md(
        'Passkeys let you sign in to websites and apps without a password, using the screen lock of your phone or computer instead: a fingerprint, a face scan or a PIN.',
        '## Why they are safer',
        'A passkey is stored on your device and never sent to the website, so it cannot be stolen in a data breach or typed into a fake page.',
        '## Getting started',
        'To switch an account to passkeys:',
        '1. Open the account’s security settings.\n2. Choose the option to create a passkey.\n3. Confirm with your screen lock.\n4. Keep your password until you have signed in with the passkey on each of your devices.',
      ),
    },

    // ——— Culture ———
    {
      slug: 'lantern-theatre-reopens',
      headline: 'Lantern Theatre reopens after three-year restoration',
      standfirst: 'Eastbridge’s oldest playhouse has uncovered painted ceilings hidden since the 1950s.',
      section: 'culture',
      authors: ['maya-lindqvist'],
      tags: ['lantern-theatre-company', 'arts', 'heritage', 'eastbridge', 'rosa-delacroix'],
      publishedAt: '2026-09-18T19:30:00Z',
      mainImage: 'lantern-theatre',
      bodyMarkdown: md(
        'The Lantern Theatre, Eastbridge’s oldest playhouse, reopened last night after a three-year restoration that uncovered painted ceilings hidden since the 1950s.',
        'Rosa Delacroix, the company’s artistic director, said the first audience had spent the evening "looking up as much as at the stage". The opening production, a new staging of a century-old comedy, runs until December.',
        'The restoration was paid for by the city, a national heritage fund and more than 4,000 individual donors.',
      ),
      quotes: [
        {
          text: 'looking up as much as at the stage',
          speakerName: 'Rosa Delacroix',
          speaker: 'rosa-delacroix',
          context: 'On the first audience to see the restored ceilings.',
        },
      ],
    },
    {
      slug: 'harbour-lights-festival-record-crowds',
      headline: 'Harbour Lights festival draws a record 210,000 visitors',
      standfirst: 'Paper lanterns, projections on the grain silos and a 400-strong choir filled the waterfront for four nights.',
      section: 'culture',
      authors: ['maya-lindqvist'],
      tags: ['harbour-lights-festival', 'eastbridge', 'arts'],
      publishedAt: '2026-10-03T22:00:00Z',
      bodyMarkdown: md(
        'The Harbour Lights festival drew an estimated 210,000 visitors to Eastbridge’s waterfront over its four nights, the most since it began in 2009.',
        '## Highlights',
        '- a floating installation of 3,000 paper lanterns in the old dock\n- projections on the grain silos by artists from six countries\n- a choir of 400 singers on the harbour steps on the final night',
        'Organisers said the crowds were good-natured, though the waterfront had to be closed to new arrivals for an hour on the busiest night.',
      ),
    },
    {
      slug: 'review-the-salt-orchard',
      headline: 'Review: The Salt Orchard, by Ines Calder',
      standfirst: 'A quiet, patient novel about a family of apple growers and the sea that is taking their land.',
      section: 'culture',
      authors: ['maya-lindqvist'],
      tags: ['books', 'arts'],
      publishedAt: '2026-11-22T10:00:00Z',
      bodyMarkdown: md(
        'Ines Calder’s third novel follows three generations of a family who grow apples on a stretch of coast that the sea is slowly claiming. It is quiet, patient and, by its end, devastating.',
        'Calder is best on work: pruning, grafting, the arithmetic of a poor harvest. The family’s arguments are about trees, but they are really about whether to stay.',
        'A long middle section set in the city sags, but the final chapters, as the orchard floods, are among the best fiction of the year.',
      ),
    },
    {
      slug: 'eastbridge-museum-harbour-photographs',
      headline: 'Eastbridge Museum puts 10,000 harbour photographs online',
      standfirst: 'Residents are asked to help name the dockers, net-menders and ships in pictures from 1890 to 1970.',
      section: 'culture',
      authors: ['maya-lindqvist'],
      tags: ['heritage', 'eastbridge'],
      publishedAt: '2026-11-25T09:00:00Z',
      bodyMarkdown: md(
        'Eastbridge Museum has put online 10,000 photographs of the city’s harbour taken between 1890 and 1970, many of them never shown in public before.',
        'The museum is asking residents to help identify people and places in the pictures, and says several families have already recognised grandparents among the dockers and net-menders.',
        'The archive can be searched by street, by year and by the name of the ship.',
      ),
    },
  ],
};
