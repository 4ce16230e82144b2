'use client';
// The server-made country and currency lists (lib/filing/locale-options.ts) for the form controls, and
// whether the page has hydrated (values formatted by the browser's Intl appear only after that).
import { createContext, type ReactNode, useContext, useSyncExternalStore } from 'react';
import type { LocaleOptions } from '@/lib/filing/locale-options';

const Context = createContext<LocaleOptions>({ countries: [], currencies: [] });

export function LocaleDataProvider({ value, children }: { value: LocaleOptions; children: ReactNode }) {
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useLocaleOptions(): LocaleOptions {
  return useContext(Context);
}

const noop = () => () => {};

export function useHydrated(): boolean {
  return useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );
}
