import { COMPANY_NAME } from './itemCatalogue';
import type { Random } from './random';

/**
 * Free-text comments. Some deliberately contain commas, semicolons, double quotes and line
 * breaks; customer comments also the euro sign, curly quotes and dashes that the CX export's
 * Windows-1252 encoding holds in bytes 0x80-0x9F.
 */

const EMPLOYEE_POSITIVE = [
  'My manager really listens and acts on what we say.',
  'Great team, we look after each other, even on the busiest days.',
  'Proud of how we handled the system outage for customers.',
  'The new training programme has made a real difference to my confidence.',
  'I feel trusted to do the right thing for customers.',
  'Best team I have worked in. "Customer First" actually means something here.',
  'Flexible rotas have made a huge difference to my work-life balance.',
  'Recognition from my manager, and from the area team, keeps me going.',
];

const EMPLOYEE_NEUTRAL = [
  'Mostly fine, but communication from head office could be clearer.',
  'Some weeks are great, others are just about getting through the queue.',
  'Would like more chances to progress, not sure what the next step is.',
  'The tools are OK; the new CRM is slow at peak times.',
  'Things improved this quarter, let us see if it lasts.',
];

const EMPLOYEE_NEGATIVE = [
  'We are short-staffed most days and nobody seems to notice.',
  'Targets, targets, targets. It feels like customers come second.',
  'Too many changes at once; the reorganisation left us unsure who our area manager is.',
  'I raised concerns about "quick wins" that hurt customers and heard nothing back.',
  'Systems keep crashing, which makes us look bad in front of customers.',
  `I don't feel ${COMPANY_NAME} listens. This survey feels like a box-ticking exercise.`,
  'Workload is unsustainable.\nPlease look at staffing on Saturdays.',
];

/** Always contains a line break, so at least one exported comment exercises quoted newlines. */
export const MULTI_LINE_EMPLOYEE_COMMENT =
  'Two things:\n1) more staff at lunchtime, 2) fix the card reader.';

const CUSTOMER_PROMOTER = [
  'Really helpful staff, sorted everything in one visit.',
  'Friendly, quick, and they explained everything clearly.',
  'Sam on the phone was brilliant, thank you!',
  'Best service I have had from a bank in years.',
  'The advisor went "above and beyond" to fix my account.',
  'They refunded the €12.50 charge on the spot – brilliant.',
  'Staff said “leave it with me” and actually called me back.',
];

const CUSTOMER_PASSIVE = [
  'Fine, but the wait was a bit long.',
  'Got what I needed eventually.',
  'OK service, app could be easier to use.',
  'Staff were nice, but I had to repeat my details twice.',
  'It’s fine; the app still logs me out every few minutes.',
];

const CUSTOMER_DETRACTOR = [
  'Waited 40 minutes on hold, then got cut off.',
  'Nobody could answer my question, had to call back three times.',
  'Told it would be "sorted in 24 hours". Still waiting.',
  'Branch was closed at lunchtime, no notice on the door.',
  'Rude, unhelpful, and the card machine was broken.',
  'Transferred between four departments.\nNever again.',
  'Charged €35 for a replacement card; nobody told me beforehand.',
  'Told my complaint is “being looked into”. It’s been three weeks.',
];

/** A comment whose tone follows the respondent's standardised mood (z-score). */
export function employeeComment(random: Random, mood: number): string {
  if (mood > 0.5) return random.pick(EMPLOYEE_POSITIVE);
  if (mood < -0.5) return random.pick(EMPLOYEE_NEGATIVE);
  return random.pick(EMPLOYEE_NEUTRAL);
}

export function customerComment(random: Random, nps: number | null): string {
  if (nps === null) return random.pick(CUSTOMER_PASSIVE);
  if (nps >= 9) return random.pick(CUSTOMER_PROMOTER);
  if (nps <= 6) return random.pick(CUSTOMER_DETRACTOR);
  return random.pick(CUSTOMER_PASSIVE);
}
