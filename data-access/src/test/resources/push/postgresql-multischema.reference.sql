-- Prisma's own DDL for postgresql-multischema.prisma: `prisma migrate diff --from-empty --to-schema ... --script` as run by
-- Prisma 7.10's schema engine (WASM build, @prisma/schema-engine-wasm 8.1.0-2.59be4fda) through
-- data-access/src/test/prisma/migrate-diff.mjs. Output as printed, not edited.

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "base";

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "shop";

-- CreateEnum
CREATE TYPE "base"."Kind" AS ENUM ('A', 'B');

-- CreateTable
CREATE TABLE "base"."Customer" (
    "id" SERIAL NOT NULL,
    "kind" "base"."Kind" NOT NULL,
    "kinds" "base"."Kind"[] DEFAULT ARRAY['A']::"base"."Kind"[],

    CONSTRAINT "Customer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "shop"."Order" (
    "id" SERIAL NOT NULL,
    "customerId" INTEGER NOT NULL,
    "data" JSONB NOT NULL DEFAULT '[]',
    "bin" BYTEA NOT NULL DEFAULT '\x010203',
    "at" TIMESTAMP(3) NOT NULL DEFAULT '2024-01-02 03:04:05.678 +00:00',

    CONSTRAINT "Order_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "shop"."Tag" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),

    CONSTRAINT "Tag_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "base"."_CustomerToTag" (
    "A" INTEGER NOT NULL,
    "B" UUID NOT NULL,

    CONSTRAINT "_CustomerToTag_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE INDEX "Order_data_idx" ON "shop"."Order" USING GIN ("data" jsonb_path_ops);

-- CreateIndex
CREATE INDEX "Order_customerId_idx" ON "shop"."Order" USING HASH ("customerId");

-- CreateIndex
CREATE INDEX "_CustomerToTag_B_index" ON "base"."_CustomerToTag"("B");

-- AddForeignKey
ALTER TABLE "shop"."Order" ADD CONSTRAINT "Order_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "base"."Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "base"."_CustomerToTag" ADD CONSTRAINT "_CustomerToTag_A_fkey" FOREIGN KEY ("A") REFERENCES "base"."Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "base"."_CustomerToTag" ADD CONSTRAINT "_CustomerToTag_B_fkey" FOREIGN KEY ("B") REFERENCES "shop"."Tag"("id") ON DELETE CASCADE ON UPDATE CASCADE;
