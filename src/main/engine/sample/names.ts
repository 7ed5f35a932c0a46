import type { Random } from './random';

/** Made-up people: common UK first names and surnames combined at random. */

const FIRST_NAMES = words(`
  Aisha Alex Alice Amara Amelia Amir Andrew Anna Arjun Ben Bethany Callum Caroline Charlotte Chloe
  Chris Ciaran Claire Daniel David Deborah Declan Eleanor Ellie Emeka Emily Emma Ethan Fatima
  Fiona Freya Gareth Gemma Georgia Grace Hannah Harpreet Harry Helen Imran Isla Jack Jade James
  Jasmine Jennifer Joanne Jodie Jonathan Joseph Karen Katie Kerry Kwame Laura Leah Liam Lily
  Louise Lucy Luke Marcus Maria Mark Matthew Megan Michael Mohammed Molly Naomi Nathan Niamh
  Nicola Noah Oliver Olivia Omar Owen Paul Priya Rachel Rebecca Rhys Richard Rosie Ryan Sam Sarah
  Sean Shauna Simon Sophie Stephen Stuart Tariq Thomas Tom Victoria Yusuf Zara
`);

const SURNAMES = words(`
  Adeyemi Ahmed Ali Allen Armstrong Bailey Baker Begum Bell Bennett Brown Campbell Carter Chapman
  Chen Clarke Collins Cooper Cox Davies Dixon Doherty Edwards Evans Fisher Fletcher Foster Fraser
  Gallagher Gill Graham Green Hall Harris Hayes Hill Hughes Hussain Jackson James Jenkins Johnson
  Jones Kaur Kelly Khan King Lee Lewis Lloyd MacDonald Marshall Martin Mason McCarthy Mensah
  Mitchell Moore Morgan Morris O'Brien O'Neill Okafor Owen Palmer Parker Patel Phillips Price
  Quinn Rahman Reid Richards Roberts Robinson Rogers Ross Scott Shah Sharma Shaw Simpson Singh
  Smith Stewart Taylor Thomas Thompson Turner Walker Walsh Ward Watson White Williams Wilson Wood
  Wright Young Zhang
`);

function words(text: string): string[] {
  return text.trim().split(/\s+/);
}

/** Hands out full names, distinct while the pool lasts. */
export class NameGenerator {
  private readonly used = new Set<string>();

  constructor(private readonly random: Random) {}

  next(): string {
    for (let attempt = 0; attempt < 50; attempt++) {
      const name = `${this.random.pick(FIRST_NAMES)} ${this.random.pick(SURNAMES)}`;
      if (!this.used.has(name)) {
        this.used.add(name);
        return name;
      }
    }
    return `${this.random.pick(FIRST_NAMES)} ${this.random.pick(SURNAMES)}`;
  }
}
