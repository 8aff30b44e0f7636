/** One input as the user gave it: a file (picker, drag and drop, command line) or a paste. */
export interface InputFile {
  /** File name as shown to the user (no path needed). */
  name: string;
  bytes: Uint8Array;
}
