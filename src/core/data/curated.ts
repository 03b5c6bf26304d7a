// Hand-made name lists that the statistics from 1996 Reuters news cannot know or do not weigh enough.
// Kept short and high-precision: each entry is a name that is that type in (nearly) any news sentence.

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
  // news agencies and outlets of 2015-2025
  'KCNA', 'Korean Central News Agency', 'IRNA', 'Tasnim', 'WAFA', 'ANSA', 'EFE', 'DPA', 'dpa', 'PTI', 'Kyodo News',
  'Jiji Press', 'Bernama', 'Antara', 'Interfax-Ukraine', 'Meduza', 'Novaya Gazeta', 'Al-Monitor', 'Bloomberg News',
  'Associated Press', 'Press Trust of India', 'Global Times', 'People\'s Daily', 'South China Morning Post',
  // international bodies and armed groups
  'WHO', 'World Health Organisation', 'UNRWA', 'UNHRC', 'ICC', 'International Criminal Court', 'International Court of Justice',
  'International Monetary Fund', 'World Trade Organization', 'World Food Programme', 'Rapid Support Forces', 'RSF',
  'Islamic Jihad', 'Palestinian Islamic Jihad', 'Palestinian Authority', 'Fatah', 'Azov', 'Azov Battalion',
  'Aukus', 'AUKUS', 'Frontex', 'Eurostat', 'Bundesbank', 'Bank of England', 'Bank of Japan', 'People\'s Bank of China',
  // companies in the news since 2015
  'Nvidia', 'Apple', 'Meta', 'Meta Platforms', 'Uber', 'Airbnb', 'Anthropic', 'Binance', 'Coinbase', 'FTX', 'Tencent', 'Alibaba', 'Baidu', 'Xiaomi',
  'Foxconn', 'TSMC', 'Aramco', 'Saudi Aramco', 'Naftogaz', 'Rosatom', 'Novatek', 'Sberbank', 'Yandex', 'Telegram',
  'Spotify', 'Palantir', 'Starbucks', 'Activision Blizzard', 'Credit Suisse', 'UBS', 'BlackRock', 'Goldman Sachs',
  'JPMorgan', 'JPMorgan Chase', 'Morgan Stanley', 'Citigroup', 'HSBC', 'Barclays', 'Deutsche Bank', 'Stellantis', 'Renault',
  'Nissan', 'Honda', 'BYD', 'Glencore', 'Shell', 'BP', 'ExxonMobil', 'Chevron', 'TotalEnergies', 'Equinor',
  // football clubs whose name is not a city's
  'Chelsea', 'Arsenal', 'Tottenham', 'Tottenham Hotspur', 'Juventus', 'Bayern Munich', 'Borussia Dortmund',
  'Paris Saint-Germain', 'PSG', 'Atletico Madrid', 'Real Madrid', 'AC Milan', 'Inter Milan', 'Manchester United',
  'Manchester City', 'Al Nassr', 'Al Hilal', 'Inter Miami',
];

/** Places of today's news whose name a model could read as something else. */
export const PLACES: readonly string[] = [
  'Raqqa', 'Aleppo', 'Latakia', 'Tartus', 'Idlib', 'Homs', 'Hama', 'Deir ez-Zor', 'Palmyra', 'Kobane', 'Mosul',
  'Crimea', 'Donbas', 'Donetsk', 'Luhansk', 'Kyiv', 'Kiev', 'Sochi', 'Red Square', 'Black Sea', 'Mediterranean',
  'Middle East', 'Gaza', 'West Bank', 'Golan Heights', 'Sinai', 'Kurdistan', 'Hemeimeem', 'Hmeimim', 'Incirlik',
  'Bosphorus', 'Caucasus', 'Chechnya', 'Dagestan', 'South Sudan', 'Myanmar', 'Kosovo', 'Montenegro', 'Serbia',
  // Ukraine and Russia, 2014-2025
  'Kharkiv', 'Mariupol', 'Bakhmut', 'Kherson', 'Zaporizhzhia', 'Odesa', 'Odessa', 'Lviv', 'Dnipro', 'Avdiivka', 'Bucha',
  'Irpin', 'Sumy', 'Chernihiv', 'Mykolaiv', 'Kramatorsk', 'Sloviansk', 'Pokrovsk', 'Azovstal', 'Snake Island', 'Belgorod',
  'Bryansk', 'Kursk', 'Sevastopol', 'Kerch', 'Kerch Strait', 'Transnistria',
  // the Middle East
  'Rafah', 'Khan Younis', 'Jabalia', 'Deir al-Balah', 'Nuseirat', 'Gaza Strip', 'Gaza City', 'Jenin', 'Nablus', 'Ramallah',
  'Hebron', 'East Jerusalem', 'Sharm el-Sheikh', 'Sanaa', 'Hodeidah', 'Aden', 'Marib', 'Red Sea', 'Strait of Hormuz',
  'Daraa', 'Kirkuk', 'Erbil', 'Fallujah', 'Ramadi',
  // elsewhere
  'Tigray', 'Darfur', 'El Fasher', 'Omdurman', 'Khartoum', 'Nagorno-Karabakh', 'Stepanakert', 'Xinjiang', 'Wuhan',
  'Hong Kong', 'Taipei', 'Pyongyang', 'Kabul', 'Kandahar', 'Sahel', 'Mali', 'Niger', 'Burkina Faso', 'Kinshasa', 'Goma',
  'Port-au-Prince', 'Caracas', 'Democratic Republic of Congo', 'Democratic Republic of the Congo', 'DR Congo',
  'Central African Republic', 'Czech Republic', 'Dominican Republic', 'Republic of Ireland', 'North Macedonia', 'Eswatini',
  'Timor-Leste', 'Ivory Coast', "Cote d'Ivoire", 'Cape Verde', 'Cabo Verde',
];

/** First names frequent in international news but spelt in ways the English lists miss (transliterations). */
export const FIRST_NAMES: readonly string[] = [
  'Aleksandr', 'Alexandr', 'Aleksei', 'Alexei', 'Alexey', 'Andrei', 'Andrey', 'Anatoly', 'Dmitry', 'Dmitri', 'Evgeny',
  'Yevgeny', 'Gennady', 'Igor', 'Mikhail', 'Nikolai', 'Oleg', 'Sergei', 'Sergey', 'Valery', 'Vladimir', 'Vyacheslav',
  'Yuri', 'Yury', 'Viktor', 'Boris', 'Ramzan', 'Dmytro', 'Petro', 'Volodymyr', 'Arseniy', 'Yulia', 'Hulusi', 'Binali',
  'Recep', 'Ahmet', 'Mevlut', 'Mehmet', 'Mustafa', 'Kemal', 'Ismail', 'Hakan', 'Bashar', 'Hafez', 'Walid', 'Hassan',
  'Hussein', 'Mahmoud', 'Mohammed', 'Muhammad', 'Mohammad', 'Ahmed', 'Ali', 'Abdullah', 'Abdel', 'Khaled', 'Omar',
  'Salman', 'Javad', 'Hassan', 'Xi', 'Li', 'Wang', 'Shinzo', 'Narendra', 'Jens', 'Angela', 'Emmanuel', 'Francois',
  'Olena', 'Oleksandr', 'Oleksiy', 'Mykhailo', 'Vitali', 'Vitaliy', 'Yevhen', 'Oleh', 'Andriy', 'Denys', 'Kyrylo', 'Iryna',
  'Yahya', 'Ismail', 'Ebrahim', 'Masoud', 'Abbas', 'Hossein', 'Mojtaba', 'Sundar', 'Satya', 'Rishi', 'Shehbaz', 'Nawaz',
  'Fumio', 'Yoshihide', 'Shigeru', 'Tedros', 'Abiy', 'Bola', 'Muhammadu', 'Uhuru', 'Jacinda', 'Keir', 'Kemi', 'Volodymyr',
];
