// Hand-made name lists that the statistics from 1996 Reuters news cannot know or do not weigh enough.
// Kept short and high-precision: each entry is a name that is that type in (nearly) any news sentence.

/** Honorifics and job titles that precede a name but are never part of a mention (CoNLL convention). */
export const TITLES: readonly string[] = [
  'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor', 'sir', 'dame', 'lord', 'lady', 'madam', 'madame',
  'monsieur', 'herr', 'frau', 'senor', 'señor', 'sheikh', 'sheik', 'imam', 'ayatollah', 'rabbi', 'father', 'rev',
  'reverend', 'pope', 'cardinal', 'bishop', 'archbishop', 'king', 'queen', 'prince', 'princess', 'emir', 'sultan',
  'president', 'vice-president', 'premier', 'chancellor', 'minister', 'secretary', 'prime', 'deputy', 'foreign',
  'defence', 'defense', 'interior', 'finance', 'senator', 'sen', 'congressman', 'congresswoman', 'rep',
  'representative', 'governor', 'gov', 'mayor', 'ambassador', 'envoy', 'spokesman', 'spokeswoman', 'spokesperson',
  'general', 'gen', 'lieutenant', 'lt', 'colonel', 'col', 'major', 'maj', 'captain', 'capt', 'commander', 'cmdr',
  'admiral', 'adm', 'sergeant', 'sgt', 'marshal', 'chief', 'judge', 'justice', 'coach', 'manager', 'chairman',
  'chairwoman', 'director', 'ceo', 'leader', 'officer', 'inspector', 'detective', 'agent', 'colonel-general',
  'lieutenant-general', 'major-general', 'brigadier', 'brig', 'st', 'saint', 'mp', 'mep',
];

/** Well-known organizations of today's news that 1996 data lacks (news agencies, militant groups, alliances). */
export const ORGANIZATIONS: readonly string[] = [
  'Islamic State', 'ISIS', 'ISIL', 'Daesh', 'al-Qaeda', 'al-Qaida', 'Al Qaeda', 'Taliban', 'Hezbollah', 'Hamas',
  'Boko Haram', 'al-Shabab', 'al-Nusra Front', 'Nusra Front', 'Jabhat al-Nusra', 'Free Syrian Army', 'Kurdistan Workers Party',
  'PKK', 'YPG', 'Nato', 'NATO', 'United Nations', 'UN', 'European Union', 'EU', 'African Union', 'Arab League',
  'Organisation of Islamic Co-operation', 'Organization of Islamic Cooperation', 'OPEC', 'Opec', 'IMF', 'World Bank',
  'World Health Organization', 'Red Cross', 'Red Crescent', 'Amnesty International', 'Human Rights Watch',
  'Syrian Observatory for Human Rights', 'Medecins Sans Frontieres', 'Doctors Without Borders', 'Interpol', 'Europol',
  'Kremlin', 'Pentagon', 'White House', 'Downing Street', 'Elysee', 'State Department', 'Foreign Office',
  'Congress', 'Senate', 'Duma', 'State Duma', 'Bundestag', 'Knesset', 'Politburo', 'FBI', 'CIA', 'NSA', 'KGB', 'FSB', 'GRU', 'Mossad',
  'Reuters', 'Associated Press', 'AP', 'AFP', 'Agence France-Presse', 'Agence France Presse', 'Interfax', 'Tass', 'TASS',
  'RIA Novosti', 'Ria Novosti', 'Sputnik', 'RT', 'Xinhua', 'Anadolu', 'Anadolu Agency', 'Bloomberg', 'BBC', 'CNN',
  'Al Jazeera', 'Al Arabiya', 'SANA', 'Yonhap', 'Kyodo', 'ITAR-TASS', 'Itar-Tass', 'Dow Jones', 'UPI',
  'New York Times', 'Washington Post', 'Wall Street Journal', 'Financial Times', 'The Guardian', 'Daily Telegraph', 'Le Monde', 'Der Spiegel', 'Komsomolskaya Pravda', 'Pravda', 'Izvestia', 'Kommersant',
  'Hurriyet', 'Daily Sabah', 'Haaretz', 'Google', 'Facebook', 'Twitter', 'Microsoft',
  'Gazprom', 'Rosneft', 'Lukoil', 'Aeroflot', 'Boeing', 'Airbus',
  'European Commission', 'European Parliament', 'European Council', 'European Central Bank', 'ECB',
  'Security Council', 'UN Security Council', 'General Assembly', 'UN General Assembly', 'Federal Reserve',
  'OSCE', 'OECD', 'WTO', 'IAEA', 'UNESCO', 'UNICEF', 'UNHCR', 'ASEAN', 'G7', 'G20', 'BRICS', 'Gulf Cooperation Council',
  'Hayat Tahrir al-Sham', 'Houthis', 'Wagner Group', 'Syrian Democratic Forces', 'SDF',
  'Tesla', 'SpaceX', 'Alphabet', 'Netflix', 'Huawei', 'Samsung', 'Toyota', 'Volkswagen', 'Pfizer', 'Moderna',
  'BioNTech', 'AstraZeneca', 'OpenAI', 'ByteDance', 'TikTok', 'Instagram', 'WhatsApp', 'YouTube',
  'NBC', 'CBS', 'ABC News', 'Fox News', 'NPR', 'Sky News', 'Deutsche Welle', 'Politico', 'Axios', 'Le Figaro',
  'El País', 'Corriere della Sera', 'Ukrinform', 'Kyiv Independent', 'Times of Israel', 'Jerusalem Post',
];

/** Places of today's news whose name a model could read as something else. */
export const PLACES: readonly string[] = [
  'Raqqa', 'Aleppo', 'Latakia', 'Tartus', 'Idlib', 'Homs', 'Hama', 'Deir ez-Zor', 'Palmyra', 'Kobane', 'Mosul',
  'Crimea', 'Donbas', 'Donetsk', 'Luhansk', 'Kyiv', 'Kiev', 'Sochi', 'Red Square', 'Black Sea', 'Mediterranean',
  'Middle East', 'Gaza', 'West Bank', 'Golan Heights', 'Sinai', 'Kurdistan', 'Hemeimeem', 'Hmeimim', 'Incirlik',
  'Bosphorus', 'Caucasus', 'Chechnya', 'Dagestan', 'South Sudan', 'Myanmar', 'Kosovo', 'Montenegro', 'Serbia',
];

/** First names frequent in international news but spelt in ways the English lists miss (transliterations). */
export const FIRST_NAMES: readonly string[] = [
  'Aleksandr', 'Alexandr', 'Aleksei', 'Alexei', 'Alexey', 'Andrei', 'Andrey', 'Anatoly', 'Dmitry', 'Dmitri', 'Evgeny',
  'Yevgeny', 'Gennady', 'Igor', 'Mikhail', 'Nikolai', 'Oleg', 'Sergei', 'Sergey', 'Valery', 'Vladimir', 'Vyacheslav',
  'Yuri', 'Yury', 'Viktor', 'Boris', 'Ramzan', 'Dmytro', 'Petro', 'Volodymyr', 'Arseniy', 'Yulia', 'Hulusi', 'Binali',
  'Recep', 'Ahmet', 'Mevlut', 'Mehmet', 'Mustafa', 'Kemal', 'Ismail', 'Hakan', 'Bashar', 'Hafez', 'Walid', 'Hassan',
  'Hussein', 'Mahmoud', 'Mohammed', 'Muhammad', 'Mohammad', 'Ahmed', 'Ali', 'Abdullah', 'Abdel', 'Khaled', 'Omar',
  'Salman', 'Javad', 'Hassan', 'Xi', 'Li', 'Wang', 'Shinzo', 'Narendra', 'Jens', 'Angela', 'Emmanuel', 'Francois',
];
