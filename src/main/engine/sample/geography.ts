/**
 * Where the sample company trades. Regions are taken in this order (small scale uses the first
 * two, default four, large all eight). The first region is the one split by the reorganisation:
 * its areas seated in SPLIT_TOWNS move to the new region.
 */

export interface RegionGeography {
  name: string;
  /** Area seats, in the order areas are opened. */
  cities: readonly string[];
  /** Cities whose sites become contact centres, in order of need. */
  contactCentreCities: readonly string[];
}

export const SPLIT_REGION_NEW_NAME = 'North East';
export const SPLIT_TOWNS: ReadonlySet<string> = new Set(
  list(`Newcastle, Sunderland, Middlesbrough, Durham, Gateshead, Darlington, Hartlepool,
    Stockton-on-Tees, Morpeth, Hexham`),
);

export const REGIONS: readonly RegionGeography[] = [
  {
    name: 'North',
    cities: list(`
      Leeds, Newcastle, Manchester, Sunderland, Sheffield, Middlesbrough, Liverpool, Durham,
      Bradford, York, Gateshead, Preston, Hull, Darlington, Bolton, Huddersfield, Hartlepool,
      Wakefield, Stockport, Stockton-on-Tees, Blackpool, Carlisle, Doncaster, Wigan, Morpeth,
      Lancaster, Harrogate, Hexham, Rotherham, Barnsley, Warrington, Halifax, Chester,
      Scarborough
    `),
    contactCentreCities: ['Leeds', 'Manchester', 'Sheffield', 'Liverpool'],
  },
  {
    name: 'South',
    cities: list(`
      Brighton, Croydon, Reading, Southampton, Guildford, Portsmouth, Canterbury, Maidstone,
      Kingston, Basingstoke, Crawley, Eastbourne, Tunbridge Wells, Chichester, Winchester,
      Bournemouth, Hastings, Woking, Slough, Worthing, Ashford, Dover, Bromley, Watford,
      St Albans, Luton, Oxford, Milton Keynes, High Wycombe, Salisbury, Poole, Folkestone,
      Horsham, Andover
    `),
    contactCentreCities: ['Brighton', 'Crawley', 'Southampton', 'Reading'],
  },
  {
    name: 'Midlands',
    cities: list(`
      Birmingham, Nottingham, Leicester, Coventry, Derby, Wolverhampton, Stoke-on-Trent,
      Northampton, Lincoln, Worcester, Shrewsbury, Telford, Walsall, Solihull, Loughborough,
      Mansfield, Chesterfield, Kettering, Stafford, Hereford, Burton, Nuneaton, Rugby, Tamworth,
      Redditch, Kidderminster, Grantham, Newark, Corby, Leamington Spa, Stratford-upon-Avon,
      Lichfield, Dudley, Boston
    `),
    contactCentreCities: ['Birmingham', 'Nottingham', 'Leicester', 'Coventry'],
  },
  {
    name: 'West',
    cities: list(`
      Bristol, Cardiff, Exeter, Plymouth, Swansea, Bath, Gloucester, Cheltenham, Taunton,
      Newport, Swindon, Truro, Torquay, Barnstaple, Yeovil, Weston-super-Mare, Bridgwater,
      Stroud, Wrexham, Aberystwyth, Carmarthen, Llanelli, Bangor, Penzance, Chippenham,
      Trowbridge, Dorchester, Weymouth, Bridgend, Merthyr Tydfil, Pontypridd, Newquay,
      St Austell, Falmouth
    `),
    contactCentreCities: ['Cardiff', 'Bristol', 'Swansea', 'Exeter'],
  },
  {
    name: 'Scotland',
    cities: list(`
      Glasgow, Edinburgh, Aberdeen, Dundee, Inverness, Stirling, Perth, Paisley, Kilmarnock,
      Ayr, Falkirk, Dunfermline, Kirkcaldy, Livingston, Hamilton, East Kilbride, Motherwell,
      Dumfries, Elgin, Fort William, Oban, Greenock, Cumbernauld, Arbroath, Montrose, Peterhead,
      St Andrews, Galashiels, Irvine, Largs, Wick, Thurso, Musselburgh, Bathgate
    `),
    contactCentreCities: ['Glasgow', 'Edinburgh', 'Dundee', 'Aberdeen'],
  },
  {
    name: 'East',
    cities: list(`
      Norwich, Cambridge, Ipswich, Peterborough, Colchester, Chelmsford, Southend, Bedford,
      Kings Lynn, Great Yarmouth, Lowestoft, Bury St Edmunds, Huntingdon, Basildon, Harlow,
      Stevenage, Hertford, Ely, Thetford, Clacton, Braintree, Felixstowe, Cromer, Diss, Wisbech,
      March, St Neots, Letchworth, Hitchin, Sudbury, Haverhill, Newmarket, Saffron Walden,
      Brentwood
    `),
    contactCentreCities: ['Norwich', 'Peterborough', 'Ipswich', 'Chelmsford'],
  },
  {
    name: 'London',
    cities: list(`
      Westminster, Camden, Islington, Hackney, Stratford, Canary Wharf, Brixton, Clapham,
      Wimbledon, Ealing, Hammersmith, Richmond, Greenwich, Lewisham, Walthamstow, Wood Green,
      Romford, Ilford, Harrow, Wembley, Uxbridge, Hounslow, Sutton, Bexleyheath, Enfield,
      Barnet, Kensington, Chelsea, Shoreditch, Peckham, Putney, Fulham, Holborn, Whitechapel
    `),
    contactCentreCities: ['Stratford', 'Croydon Park', 'Ealing', 'Enfield'],
  },
  {
    name: 'Northern Ireland',
    cities: list(`
      Belfast, Derry, Lisburn, Newry, Bangor NI, Armagh, Omagh, Enniskillen, Coleraine,
      Ballymena, Portadown, Craigavon, Newtownards, Antrim, Larne, Carrickfergus, Dungannon,
      Cookstown, Strabane, Banbridge, Holywood, Limavady, Downpatrick, Magherafelt, Ballymoney,
      Portrush, Lurgan, Newtownabbey, Comber, Ballyclare, Dromore, Kilkeel, Warrenpoint,
      Portstewart
    `),
    contactCentreCities: ['Belfast', 'Derry', 'Lisburn', 'Newry'],
  },
];

/** Shop-front addresses, combined with the area's city: "Leeds Briggate Store". */
export const STREETS: readonly string[] = list(`
  High Street, Market Street, Station Road, Retail Park, Shopping Centre, Queen Street,
  King Street, Church Street, Bridge Street, Victoria Road, Castle Street, London Road,
  The Arcade, Broad Street, Westgate, Eastgate, Northgate, Southgate, Cornmarket, Fore Street,
  Corporation Street, Albert Road, Market Place, Parade, Riverside, Old Town, Chapel Street,
  Commercial Street, Union Street, Princes Street, George Street, Cross Street, Silver Street,
  Regent Street, Briggate, Park Row, Mill Lane, Harbour Walk, Abbey Road, Crown Square,
  Clock Tower, Friars Walk, Duke Street, Guildhall, Cathedral Quarter, Merchant Gate,
  Kings Road, Waterfront, Forge Lane, Cattle Market
`);

function list(text: string): string[] {
  return text
    .trim()
    .split(/\s*,\s*/)
    .map((item) => item.replace(/\s+/g, ' '));
}

/** Contact-centre skills: queue team names ("Mortgages Queue 3") and queue codes ("Q-MORT-3"). */
export interface QueueSkill {
  name: string;
  code: string;
  ivrReasons: readonly string[];
  /** Typical talk time in seconds. */
  medianTalkSeconds: number;
}

export const QUEUE_SKILLS: readonly QueueSkill[] = [
  {
    name: 'Mortgages',
    code: 'MORT',
    medianTalkSeconds: 540,
    ivrReasons: ['Mortgage application', 'Remortgage', 'Overpayment', 'Rate switch', 'Arrears'],
  },
  {
    name: 'Cards',
    code: 'CARD',
    medianTalkSeconds: 300,
    ivrReasons: [
      'Lost or stolen card',
      'Card declined',
      'Statement query',
      'Credit limit',
      'PIN reminder',
    ],
  },
  {
    name: 'Savings',
    code: 'SAV',
    medianTalkSeconds: 280,
    ivrReasons: ['Open an account', 'Interest rates', 'Withdrawal', 'ISA transfer'],
  },
  {
    name: 'Current Accounts',
    code: 'CURR',
    medianTalkSeconds: 320,
    ivrReasons: [
      'Balance enquiry',
      'Direct debit',
      'Overdraft',
      'Change of address',
      'Switch account',
    ],
  },
  {
    name: 'Loans',
    code: 'LOAN',
    medianTalkSeconds: 420,
    ivrReasons: ['New loan', 'Early settlement', 'Payment holiday', 'Repayment query'],
  },
  {
    name: 'Fraud',
    code: 'FRAUD',
    medianTalkSeconds: 600,
    ivrReasons: ['Suspicious transaction', 'Scam report', 'Account locked'],
  },
  {
    name: 'Complaints',
    code: 'COMP',
    medianTalkSeconds: 660,
    ivrReasons: ['Make a complaint', 'Complaint follow-up', 'Compensation query'],
  },
  {
    name: 'Insurance',
    code: 'INS',
    medianTalkSeconds: 480,
    ivrReasons: ['New claim', 'Claim update', 'Policy renewal', 'Cancel policy'],
  },
];
