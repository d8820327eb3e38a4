/**
 * @module
 * Faker with the English locale only. The package's main entry loads every locale (about 30 MB of
 * memory and a noticeable start-up cost) that the world never uses.
 */
import type { Faker } from '@faker-js/faker';
import { faker as english } from '@faker-js/faker/locale/en';

type FakerClass = new (options: { locale: Faker['rawDefinitions'] }) => Faker;

/** A fresh, independent English Faker (seed it before use). */
export function englishFaker(): Faker {
  return new (english.constructor as FakerClass)({ locale: english.rawDefinitions });
}
