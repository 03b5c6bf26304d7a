// One configured compromise instance for the whole core (the dates plugin registers globally).
import base from 'compromise';
import datesPlugin, { type DatesMethods } from 'compromise-dates';

base.plugin(datesPlugin);

type View = ReturnType<typeof base>;

/** compromise with the dates plugin's methods typed. */
export const nlp = base as unknown as ((text: string) => View & DatesMethods) & typeof base;
