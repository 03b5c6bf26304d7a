// compromise with the dates plugin, typed: the baseline the benchmark compares against (the product uses its own tagger and date rules).
import base from 'compromise';
import datesPlugin, { type DatesMethods } from 'compromise-dates';

base.plugin(datesPlugin);

type View = ReturnType<typeof base>;

/** compromise with the dates plugin's methods typed. */
export const nlp = base as unknown as ((text: string) => View & DatesMethods) & typeof base;
