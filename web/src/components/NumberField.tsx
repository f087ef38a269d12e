import { useState } from "react";
import { TextField } from "@shopify/polaris";

interface Props {
  label: string;
  value: number;
  /** NaN when the text is not a number, so the server names the field (it is never silently kept as it was). */
  onChange(value: number): void;
  error?: string;
  helpText?: string;
  suffix?: string;
}

const NUMBER = /^\s*-?\d+(\.\d+)?\s*$/;

/** A number the merchant types: keeps their exact text (including a half-typed one) while the draft holds the number. */
export function NumberField({ label, value, onChange, error, helpText, suffix }: Props) {
  const [text, setText] = useState(Number.isFinite(value) ? String(value) : "");
  return (
    <TextField
      label={label}
      type="number"
      value={text}
      suffix={suffix}
      helpText={helpText}
      error={error}
      autoComplete="off"
      onChange={(next) => {
        setText(next);
        onChange(NUMBER.test(next) ? Number(next) : Number.NaN);
      }}
    />
  );
}
