"""Small built-in word lists: places, organisations, titles, first names.

They are deliberately short and hand-kept: enough for news about politics,
business and the world without a model download or network access.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(w.strip() for w in text.split("|") if w.strip())


COUNTRIES = _words("""
Afghanistan|Albania|Algeria|Angola|Argentina|Armenia|Australia|Austria|Azerbaijan|Bahrain|Bangladesh|
Belarus|Belgium|Bolivia|Bosnia|Brazil|Britain|Bulgaria|Cambodia|Cameroon|Canada|Chile|China|Colombia|
Congo|Croatia|Cuba|Cyprus|Czech Republic|Denmark|Ecuador|Egypt|England|Eritrea|Estonia|Ethiopia|Finland|
France|Georgia|Germany|Ghana|Great Britain|Greece|Guatemala|Haiti|Honduras|Hungary|Iceland|India|Indonesia|
Iran|Iraq|Ireland|Israel|Italy|Ivory Coast|Jamaica|Japan|Jordan|Kazakhstan|Kenya|Kosovo|Kuwait|Kyrgyzstan|
Laos|Latvia|Lebanon|Libya|Lithuania|Luxembourg|Malaysia|Mali|Malta|Mexico|Moldova|Mongolia|Montenegro|
Morocco|Mozambique|Myanmar|Nepal|Netherlands|New Zealand|Nicaragua|Niger|Nigeria|North Korea|Northern Ireland|
Norway|Oman|Pakistan|Palestine|Panama|Paraguay|Peru|Philippines|Poland|Portugal|Qatar|Romania|Russia|
Russian Federation|Rwanda|Saudi Arabia|Scotland|Senegal|Serbia|Singapore|Slovakia|Slovenia|Somalia|
South Africa|South Korea|Spain|Sri Lanka|Sudan|Sweden|Switzerland|Syria|Taiwan|Tajikistan|Tanzania|
Thailand|Tunisia|Turkey|Turkmenistan|UK|Uganda|Ukraine|United Arab Emirates|United Kingdom|United States|
Uruguay|US|USA|USSR|Uzbekistan|Venezuela|Vietnam|Wales|Yemen|Zambia|Zimbabwe|Soviet Union|Persia|
""")

CITIES = _words("""
Abu Dhabi|Amsterdam|Ankara|Ashgabat|Athens|Baghdad|Baku|Bangkok|Barcelona|Beijing|Beirut|Berlin|Birmingham|
Bombay|Boston|Brussels|Budapest|Buenos Aires|Cairo|Chicago|Damascus|Delhi|Doha|Dubai|Dublin|Edinburgh|
Frankfurt|Geneva|Glasgow|Hong Kong|Islamabad|Istanbul|Jakarta|Jerusalem|Johannesburg|Kabul|Kazan|Kiev|
Kyiv|Lagos|Leeds|Lisbon|Liverpool|London|Los Angeles|Madrid|Manchester|Manila|Melbourne|Mexico City|Milan|
Minsk|Montreal|Moscow|Mumbai|Munich|Nairobi|New Delhi|New York|Oslo|Ottawa|Paris|Prague|Riyadh|Rome|
San Francisco|Seoul|Shanghai|Singapore|St Petersburg|Stockholm|Sydney|Tashkent|Tehran|Tel Aviv|Tokyo|
Toronto|Vienna|Warsaw|Washington|Wellington|Zurich|Houston|Dallas|Detroit|Atlanta|Miami|Cardiff|Belfast|
""")

REGIONS = _words("""
Africa|Asia|Europe|Latin America|Middle East|Near East|Far East|Gaza|West Bank|Persian Gulf|Gulf|Caucasus|
South Caucasus|North Caucasus|Central Asia|Balkans|Caribbean|Scandinavia|Siberia|Crimea|Donbas|Kurdistan|
North America|South America|Pacific|Atlantic|Mediterranean|Arctic|Antarctica|Southeast Asia|East Asia|
West Africa|East Africa|Silicon Valley|Wall Street|Westminster|Whitehall|Downing Street|Kremlin|
""")

ORGANISATIONS = _words("""
BRICS|UN|United Nations|UN Security Council|Security Council|NATO|EU|European Union|European Commission|
European Parliament|IMF|International Monetary Fund|World Bank|WTO|World Trade Organization|OPEC|OECD|
G7|G20|ASEAN|African Union|Arab League|Hamas|Hezbollah|Taliban|Al Qaeda|al-Qaeda|Islamic State|ISIS|
Red Cross|Amnesty International|Human Rights Watch|WHO|World Health Organization|UNESCO|UNICEF|
Federal Reserve|Fed|Bank of England|European Central Bank|ECB|Treasury|Pentagon|White House|Congress|
Senate|House of Commons|House of Lords|Parliament|Cabinet Office|Home Office|Foreign Office|
Labour|Conservative|Conservatives|Tories|Tory|Liberal Democrats|Lib Dems|Lib Dem|Republicans|Democrats|
BBC|CNN|Reuters|Associated Press|AP|AFP|Tehran Times|New York Times|Financial Times|Guardian|
Microsoft|Apple|Google|IBM|Intel|Sony|Nintendo|Samsung|Nokia|Yahoo|Amazon|eBay|Vodafone|BT|Shell|BP|
Exxon|Chevron|Gazprom|Rosneft|Boeing|Airbus|General Motors|Ford|Toyota|Honda|Volkswagen|Fiat|
Deutsche Bank|Goldman Sachs|JP Morgan|Citigroup|HSBC|Barclays|Lloyds|Yukos|Enron|WorldCom|FBI|CIA|KGB|
FIFA|UEFA|IOC|Premier League|Institute of Oriental Studies|Russian Academy of Sciences|
Agriculture Department|Commerce Department|Justice Department|State Department|Defense Department|
""")

#: Titles and honorifics that precede a name ("President Putin", "Mr Blair").
TITLES = _words("""
President|Vice President|Prime Minister|Minister|Chancellor|Secretary|Foreign Minister|Premier|King|Queen|
Prince|Princess|Pope|Ayatollah|Sheikh|Emir|Sultan|Senator|Sen|Governor|Gov|Mayor|General|Gen|Colonel|Col|
Admiral|Captain|Capt|Lieutenant|Lt|Sergeant|Judge|Justice|Ambassador|Chairman|Chairwoman|Chief|Director|
Commissioner|Leader|Speaker|Rep|Representative|Professor|Prof|Dr|Dr.|Mr|Mr.|Mrs|Mrs.|Ms|Ms.|Sir|Dame|
Lord|Lady|Rev|Reverend|Father|Bishop|Archbishop|Cardinal|Rabbi|Imam|Coach|Manager|Officer|Agent|
Chief Executive|CEO|Spokesman|Spokeswoman|Head|Boss|Deputy|Acting|Former|Ex|Supreme|Crown|Tory|Labour|
Democrat|Republican|Lib|Dem|Liberal|Conservative|Shadow|Home|Foreign|Defence|Defense|Health|Education|
Culture|Trade|Finance|Economy|Energy|Interior|Justice|Transport|Environment|
""")

HONORIFICS = _words("Mr|Mr.|Mrs|Mrs.|Ms|Ms.|Dr|Dr.|Prof|Prof.|Sir|Dame|Lord|Lady|Miss|Mister|Madam")

#: Lower-case nouns that name a person's role: "poet Makhtumkuli Fragi", "a spokesman".
PERSON_NOUNS = _words("""
president|minister|chancellor|secretary|spokesman|spokeswoman|spokesperson|official|officials|leader|
leaders|chairman|chairwoman|chair|chief|executive|director|analyst|analysts|economist|economists|expert|
experts|source|sources|diplomat|diplomats|general|generals|officer|officers|commander|governor|mayor|
senator|lawyer|lawyers|judge|prosecutor|police|manager|coach|player|striker|captain|founder|boss|head|
campaigner|campaigners|activist|activists|author|writer|poet|philosopher|scientist|researcher|professor|
spokespeople|representative|representatives|adviser|advisers|advisor|ambassador|envoy|aide|aides|king|
queen|prince|premier|colleague|colleagues|member|members|mp|mps|mep|candidate|partner|analyst|trader|
traders|dealer|dealers|banker|bankers|investor|investors|owner|star|singer|actor|actress|director|producer|strategist|strategists|critic|critics|spokesmen|observer|observers|
champion|athlete|minister's|boss's|
""")

DEMONYMS = _words("""
American|Arab|Argentine|Armenian|Australian|Austrian|Azerbaijani|Belgian|Brazilian|British|Bulgarian|
Canadian|Chinese|Cuban|Czech|Danish|Dutch|Egyptian|English|Estonian|European|Finnish|French|Georgian|
German|Greek|Hungarian|Indian|Indonesian|Iranian|Iraqi|Irish|Israeli|Italian|Japanese|Jordanian|Kazakh|
Korean|Kurdish|Kuwaiti|Latvian|Lebanese|Libyan|Lithuanian|Mexican|Nigerian|Norwegian|Pakistani|
Palestinian|Persian|Polish|Portuguese|Qatari|Romanian|Russian|Saudi|Scottish|Serbian|Soviet|Spanish|
Swedish|Swiss|Syrian|Taiwanese|Thai|Turkish|Turkmen|Ukrainian|Uzbek|Venezuelan|Vietnamese|Welsh|Western|
Eastern|Zionist|Islamic|Muslim|Christian|Jewish|Shia|Sunni|Catholic|Gulf|Asian|African|Belarusian|
""")

#: Capitalised words that are not names even when two of them stand together.
NOT_NAMES = _words("""
The|A|An|In|On|At|Of|For|And|But|Or|If|When|While|As|By|From|To|With|After|Before|During|Since|Until|
This|That|These|Those|There|Here|It|Its|He|She|They|We|I|You|His|Her|Their|Our|My|Your|Mr|Mrs|Ms|Dr|
Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|
August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|
North|South|East|West|New|Old|Great|Grand|First|Second|Third|Last|Next|Today|Yesterday|Tomorrow|
Act|Bill|Law|Party|Council|Committee|Commission|Department|Ministry|Office|Bank|Group|Company|Inc|Corp|
Ltd|Plc|Co|Association|Union|Federation|Institute|Academy|University|College|School|Agency|Authority|
Board|Court|Assembly|House|Senate|Parliament|Congress|Government|Republic|Kingdom|States|Inquiry|Times|
Post|News|Journal|Herald|Telegraph|Daily|Weekly|Summit|Forum|Conference|Cup|League|Championship|Games|
Awards|Award|Prize|Festival|Day|Year|Street|Road|Avenue|Square|Bridge|River|Mountain|Lake|Sea|Ocean|
Island|Islands|Gulf|Strait|War|WW|II|III|IV|Internet|Web|Online|God|Allah|Christmas|Easter|Ramadan|
Reuter|Reuters|BBC|Shr|Net|Revs|Qtr|Oper|Avg|Shrs|Mths|Vs|NOTE|Note|Full|Half|Total|Sales|Profit|
""")

#: Suffix words that make a capitalised run an organisation.
ORG_WORDS = _words("""
Party|Council|Committee|Commission|Department|Ministry|Office|Bank|Group|Company|Inc|Inc.|Corp|Corp.|
Corporation|Ltd|Ltd.|Plc|plc|Co|Co.|Association|Union|Federation|Institute|Academy|University|College|
Agency|Authority|Board|Court|Assembly|Fund|Foundation|Trust|Organisation|Organization|Service|Services|
Airlines|Airways|Motors|Holdings|Industries|Systems|Technologies|Energy|Petroleum|Oil|Telecom|Records|
Studios|Pictures|Network|Club|United|FC|Police|Army|Navy|Force|
Parliament|Senate|Congress|Reserve|Exchange|Securities|Partners|Capital|Investments|Communications|
""")

FIRST_NAMES = _words("""
Adam|Alan|Alastair|Albert|Alex|Alexander|Alexei|Ali|Alice|Alistair|Amanda|Andrew|Andy|Angela|Ann|Anna|Anne|
Anthony|Antonio|Arnold|Barbara|Ben|Benjamin|Bernard|Bill|Bob|Boris|Brian|Bruce|Carl|Carlos|Catherine|Charles|
Charlie|Chris|Christopher|Claire|Colin|Daniel|David|Dennis|Dmitry|Donald|Douglas|Ed|Edward|Elizabeth|Emma|
Eric|Frank|Gary|George|Gerhard|Gordon|Graham|Greg|Hamid|Harry|Hassan|Helen|Henry|Hillary|Hugh|Ian|Ibrahim|
Igor|Jack|Jacques|James|Jane|Janet|Jason|Jean|Jeff|Jennifer|Jeremy|Jim|Joe|John|Jonathan|Jose|Joseph|Juan|
Julia|Kate|Ken|Kenneth|Kevin|Lee|Lisa|Louise|Luis|Mahmoud|Margaret|Maria|Mark|Martin|Mary|Masoud|Matthew|
Michael|Michel|Mikhail|Mohammed|Muhammad|Nicholas|Nick|Nicolas|Nikolai|Oliver|Paul|Peter|Philip|Richard|
Robert|Robin|Roger|Ronald|Ruth|Sam|Samuel|Sarah|Sergei|Sergey|Simon|Stephen|Steve|Steven|Susan|Thomas|
Tim|Timothy|Tom|Tony|Vladimir|Walter|William|Yasser|Yuri|Benjamin|Recep|Emmanuel|Olaf|Xi|Narendra|Ebrahim|
Hassan|Javad|Ali|Sergei|Viktor|Victor|Gerry|Kofi|Jacques|Silvio|Romano|Jose|Condoleezza|Colin|Dick|Ken|Kim|
""")

PLACES = COUNTRIES | CITIES | REGIONS
