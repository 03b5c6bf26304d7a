// The extension's settings as last read: every part reads them through `current`, so a change reaches all of them.
import { readSettings, type Settings } from '../config';

export class LiveSettings {
  private value: Settings = readSettings();

  get current(): Settings {
    return this.value;
  }

  /** Reads the settings again; returns the ones before. */
  reload(): Settings {
    const before = this.value;
    this.value = readSettings();
    return before;
  }
}
